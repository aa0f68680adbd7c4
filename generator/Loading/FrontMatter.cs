using Vestis.Diagnostics;

namespace Vestis.Loading;

/// <summary>An announcement file split into its YAML front matter and Markdown body.</summary>
/// <param name="Body">The rest of the file's text, not copied out of it.</param>
public sealed record FrontMatter(string Yaml, ReadOnlyMemory<char> Body, int BodyLine)
{
    public static FrontMatter? Split(string path, string text, DiagnosticBag diagnostics)
    {
        if (!IsFence(FirstLine(text, 0)))
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing, SourceSpan.File(path),
                "an announcement starts with front matter: a `---` line, the YAML fields, and another `---` line");
            return null;
        }
        var lineStart = text.IndexOf('\n') + 1;
        var yamlStart = lineStart;
        var line = 2;
        while (lineStart > 0 && lineStart <= text.Length)
        {
            var current = FirstLine(text, lineStart);
            if (IsFence(current))
            {
                var bodyStart = Math.Min(text.Length, lineStart + current.Length + 1);
                return new FrontMatter(text[yamlStart..lineStart], text.AsMemory(bodyStart), line + 1);
            }
            var next = text.IndexOf('\n', lineStart);
            lineStart = next < 0 ? -1 : next + 1;
            line++;
        }
        diagnostics.Error(DiagnosticCodes.FrontMatterUnclosed, SourceSpan.File(path),
            "front matter is not closed by a `---` line");
        return null;
    }

    private static ReadOnlySpan<char> FirstLine(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        return end < 0 ? text.AsSpan(start) : text.AsSpan(start, end - start);
    }

    private static bool IsFence(ReadOnlySpan<char> line) => line.TrimEnd().SequenceEqual("---");
}
