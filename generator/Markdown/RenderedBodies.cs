using Vestis.Diagnostics;
using Vestis.Model;

namespace Vestis.Markdown;

/// <summary>
/// The rendered Markdown body of every published version, by source path, with the link problems found in it.
/// A body whose text and possible link targets are unchanged since an earlier rendering is taken from it,
/// so that <c>serve</c> renders again only the bodies an edit touched.
/// </summary>
public sealed class RenderedBodies
{
    private sealed record Entry(string Body, int BodyLine, RenderedMarkdown Result, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly Dictionary<string, Entry> entries;

    // Every link target and attachment, with where it leads: a body's links resolve the same while this is the same.
    private readonly string linkTargetsKey;

    private RenderedBodies(Dictionary<string, Entry> entries, string linkTargetsKey)
    {
        this.entries = entries;
        this.linkTargetsKey = linkTargetsKey;
    }

    public RenderedMarkdown this[string sourcePath] => entries[sourcePath].Result;

    public static RenderedBodies Render(SiteModel site, MarkdownRenderer markdown, DiagnosticBag diagnostics, int maxParallelism, RenderedBodies? earlier = null)
    {
        var versions = site.Stories.SelectMany(s => s.Versions.Values).ToList();
        var linkTargets = versions.ToDictionary(a => $"{a.MunicipalityId}/{Path.GetFileName(a.SourcePath)}", a => a, StringComparer.Ordinal);
        var attachments = site.Content.Attachments.Select(a => a.OutputPath).ToHashSet(StringComparer.Ordinal);
        var root = site.Settings.BaseUrl.AbsolutePath;
        var key = string.Join('\n', linkTargets.Select(t => $"{t.Key} {Urls.Announcement(t.Value)}").Order(StringComparer.Ordinal)
            .Concat(attachments.Order(StringComparer.Ordinal)).Prepend(root));
        var reusable = earlier?.linkTargetsKey == key ? earlier.entries : null;

        var results = new Entry[versions.Count];
        Parallel.For(0, versions.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, i =>
        {
            var a = versions[i];
            if (reusable is not null && reusable.TryGetValue(a.SourcePath, out var known) && known.Body == a.Body && known.BodyLine == a.BodyLine)
            {
                results[i] = known;
                return;
            }
            var found = new DiagnosticBag();
            var result = markdown.Render(a.Body, a.SourcePath, a.BodyLine,
                url => LinkResolver.Resolve(a.MunicipalityId, url, root, linkTargets, attachments), found);
            results[i] = new Entry(a.Body, a.BodyLine, result, found.Sorted());
        });
        foreach (var entry in results)
            foreach (var diagnostic in entry.Diagnostics) diagnostics.Add(diagnostic);
        return new RenderedBodies(versions.Select((a, i) => (a.SourcePath, results[i])).ToDictionary(x => x.SourcePath, x => x.Item2, StringComparer.Ordinal), key);
    }
}
