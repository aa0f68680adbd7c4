using System.Text;

namespace Vestis.Templating;

/// <summary>Markup the generator made or sanitized; templates print it as is. Everything else they print is escaped.</summary>
/// <remarks>
/// Markup is held as a string, or in UTF-8 as pages are written: a body, a page's own template or a partial is then
/// copied into the page as bytes, instead of being decoded to a string and encoded again.
/// </remarks>
public sealed class Html : IEquatable<Html>
{
    private readonly string? text;
    private readonly ReadOnlyMemory<byte> utf8;

    public Html(string value) => text = value;

    private Html(ReadOnlyMemory<byte> utf8) => this.utf8 = utf8;

    /// <summary>Markup in UTF-8, held as it is.</summary>
    public static Html FromUtf8(ReadOnlyMemory<byte> utf8) => new(utf8);

    public string Value => text ?? Encoding.UTF8.GetString(utf8.Span);

    /// <summary>The markup in UTF-8, when it is held so.</summary>
    internal ReadOnlySpan<byte> Utf8 => utf8.Span;

    internal bool IsUtf8 => text is null;

    public override string ToString() => Value;

    public bool Equals(Html? other) => other is not null && (ReferenceEquals(this, other) || Value == other.Value);

    public override bool Equals(object? obj) => Equals(obj as Html);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return escaped.ToString();
    }
}
