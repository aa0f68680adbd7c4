using System.Text;

namespace Vestis.Cli;

/// <summary>What a build made, as a table of files per kind and language, the way Hugo reports its pages.</summary>
internal static class BuildSummary
{
    private const string AllLanguages = "–";

    public static string Table(IReadOnlyList<SiteFile> files)
    {
        var languages = files.Select(f => f.Language ?? AllLanguages).Distinct().OrderBy(l => l == AllLanguages).ToList();
        var counts = files.GroupBy(f => f.Kind).Select(g => (Kind: g.Key,
            PerLanguage: languages.Select(l => g.Count(f => (f.Language ?? AllLanguages) == l)).ToList())).ToList();
        var kindWidth = Math.Max(5, counts.Max(c => c.Kind.Length));
        var table = new StringBuilder();
        void Row(string first, IEnumerable<string> cells, char pad = ' ', string between = " | ") =>
            table.Append(("  " + first.PadRight(kindWidth, pad) + string.Concat(cells.Select(c => between + c.PadLeft(5, pad)))).TrimEnd()).Append('\n');
        Row("", languages);
        Row("", languages.Select(_ => ""), '-', "-+-");
        foreach (var (kind, perLanguage) in counts)
            Row(kind, perLanguage.Select(n => n == 0 ? "" : n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return table.ToString();
    }
}
