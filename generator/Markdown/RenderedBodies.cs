using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;

namespace Vestis.Markdown;

/// <summary>
/// The rendered Markdown body of every published version, with the link problems found in it. The body of a
/// version that is the same instance as at an earlier rendering, and whose relative links still lead where they
/// led, is taken from it, so that <c>serve</c> renders again only the bodies an edit touched.
/// </summary>
public sealed class RenderedBodies
{
    /// <param name="Links">Each relative link and where it led (null: nowhere).</param>
    private sealed record Entry(IReadOnlyList<(string Url, string? Target)> Links, RenderedMarkdown Result, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly Dictionary<Announcement, Entry> entries;

    private RenderedBodies(Dictionary<Announcement, Entry> entries) => this.entries = entries;

    public RenderedMarkdown this[Announcement version] => entries[version].Result;

    /// <param name="markdown">Each version's Markdown, as validation found it.</param>
    public static RenderedBodies Render(SiteModel site, IReadOnlyDictionary<Announcement, AnnouncementBody> markdown, MarkdownRenderer renderer, DiagnosticBag diagnostics, ParallelOptions workers, RenderedBodies? earlier = null)
    {
        var versions = site.Stories.SelectMany(s => s.Versions.Values).ToList();
        var root = site.Settings.BaseUrl.AbsolutePath;
        // Only bodies with relative links need these; most have none.
        var targets = new Lazy<(Dictionary<string, Announcement> Announcements, HashSet<string> Attachments)>(() => (
            versions.ToDictionary(a => $"{a.MunicipalityId}/{Path.GetFileName(a.SourcePath)}", a => a, StringComparer.Ordinal),
            site.Content.Attachments.Select(a => a.OutputPath).ToHashSet(StringComparer.Ordinal)));
        string? Resolve(Announcement a, string url) => LinkResolver.Resolve(a.MunicipalityId, url, root, targets.Value.Announcements, targets.Value.Attachments);

        var results = new Entry[versions.Count];
        Parallel.For(0, versions.Count, workers, i =>
        {
            var a = versions[i];
            if (earlier is not null && earlier.entries.TryGetValue(a, out var known) && known.Links.All(link => Resolve(a, link.Url) == link.Target))
            {
                results[i] = known;
                return;
            }
            var found = new DiagnosticBag();
            List<(string, string?)>? links = null;
            var body = markdown[a];
            var result = renderer.Render(body.Markdown.ToString(), a.SourcePath, body.Line, url =>
            {
                var target = Resolve(a, url);
                (links ??= []).Add((url, target));
                return target;
            }, found);
            results[i] = new Entry(links ?? [], result, found.Sorted());
        });
        foreach (var entry in results)
            foreach (var diagnostic in entry.Diagnostics) diagnostics.Add(diagnostic);
        var entries = new Dictionary<Announcement, Entry>(versions.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < versions.Count; i++) entries[versions[i]] = results[i];
        return new RenderedBodies(entries);
    }
}
