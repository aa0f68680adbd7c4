using System.Text;

namespace Vestis.Templating;

/// <summary>Markup the generator made or sanitized; templates print it as is. Everything else they print is escaped.</summary>
public sealed record Html(string Value)
{
    public override string ToString() => Value;

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
