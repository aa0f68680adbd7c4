namespace Vestis.Markdown;

/// <summary>
/// Resolves a relative link in an announcement body the way an editor's preview does, relative to the
/// Markdown file: to another announcement (<c>2019-09-19-x.lv.md</c>) or to a file in an announcement folder.
/// </summary>
public static class LinkResolver
{
    /// <param name="linkTargets">Published announcements by <c>&lt;municipality&gt;/&lt;file name&gt;</c>.</param>
    /// <param name="attachments">Output paths of attachments (<c>files/&lt;municipality&gt;/&lt;stem&gt;/...</c>).</param>
    public static string? Resolve(string municipalityId, string url, string root,
        IReadOnlyDictionary<string, Model.Announcement> linkTargets, IReadOnlySet<string> attachments)
    {
        var cut = url.IndexOfAny(['?', '#']);
        var (path, suffix) = cut < 0 ? (url, "") : (url[..cut], url[cut..]);
        var target = Normalize($"{municipalityId}/{Uri.UnescapeDataString(path)}");
        if (target is null) return null;
        if (target.EndsWith(".md", StringComparison.Ordinal))
            return linkTargets.TryGetValue(target, out var a) ? root + Model.Urls.Announcement(a) + suffix : null;
        return attachments.Contains("files/" + target) ? root + "files/" + target + suffix : null;
    }

    /// <summary>Folds <c>.</c> and <c>..</c>; null for a path that climbs out of <c>announcements/</c>.</summary>
    private static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
