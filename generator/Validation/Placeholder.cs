using System.Text.RegularExpressions;
using Vestis.Loading;

namespace Vestis.Validation;

/// <summary>
/// Text that <c>new</c> writes for an author to replace, like <c>&lt;&lt;title&gt;&gt;</c>. The validator
/// reports every one left in a value or a body, so a half-written announcement cannot be published.
/// </summary>
internal static partial class Placeholder
{
    /// <summary>A placeholder around a hint, with anything in the hint that would hide it from <see cref="In"/> made a space.</summary>
    public static string For(string hint)
    {
        var words = hint.Split(['<', '>', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return $"<<{(words.Length == 0 ? "…" : string.Join(' ', words))}>>";
    }

    /// <summary>The first placeholder in a value, or null.</summary>
    public static string? In(string value) =>
        // Every scalar of every file passes here: most have no "<<", and need no regex.
        value.Contains("<<", StringComparison.Ordinal) && Pattern().Match(value) is { Success: true } match ? match.Value : null;

    /// <summary>Each placeholder in a text, with its line (0 for the first) and column (1 for the first).</summary>
    public static IEnumerable<(int Line, int Column, string Text)> Each(Utf8Text utf8)
    {
        // Every body of the site passes here: most have no "<<", and are not decoded to look.
        if (utf8.Bytes.Span.IndexOf("<<"u8) < 0) yield break;
        var text = utf8.ToString();
        foreach (Match match in Pattern().Matches(text))
        {
            var lineStart = text.LastIndexOf('\n', match.Index) + 1;
            yield return (text.AsSpan(0, match.Index).Count('\n'), match.Index - lineStart + 1, match.Value);
        }
    }

    [GeneratedRegex(@"<<[^<>\n]+>>")]
    private static partial Regex Pattern();
}
