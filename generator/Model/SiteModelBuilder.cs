using Vestis.Diagnostics;

namespace Vestis.Model;

/// <summary>The Model stage: decides what is published and indexes it, newest first, in a stable order.</summary>
/// <param name="includeFuture">Whether announcements dated after <paramref name="today"/> are shown (a preview while serving).</param>
/// <param name="earlier">Stories made by an earlier run, reused while their versions are the same instances.</param>
public sealed class SiteModelBuilder(DateOnly today, bool includeDrafts, bool includeFuture = false, MadeFrom<Announcement>? earlier = null)
{
    public SiteModel Build(Content content)
    {
        var site = content.Settings;
        var shown = content.Announcements.Where(a => (includeDrafts || !a.Draft) && (includeFuture || a.Date <= today)).ToList();
        var stories = new List<Story>();
        object?[] siteOnly = [site];
        var makeStory = (List<Announcement> versions) => Story(versions, site);
        // Content lists the versions of a story one after another.
        for (int start = 0, end; start < shown.Count; start = end)
        {
            for (end = start + 1; end < shown.Count && shown[end].Stem == shown[start].Stem && shown[end].MunicipalityId == shown[start].MunicipalityId; end++) { }
            var versions = shown.GetRange(start, end - start);
            stories.Add(earlier is null ? makeStory(versions) : earlier.Get(versions[0], versions.Count == 1 ? siteOnly : [site, .. versions.Skip(1)], versions, makeStory));
        }
        stories.Sort(NewestFirst);

        var byMunicipality = new Dictionary<string, IReadOnlyList<Story>>(StringComparer.Ordinal);
        var byProject = new Dictionary<string, IReadOnlyList<Story>>(StringComparer.Ordinal);
        foreach (var story in stories)
            Add(byMunicipality, story.MunicipalityId, story);
        for (var i = stories.Count - 1; i >= 0; i--)
            if (stories[i].ProjectId is { } id) Add(byProject, id, stories[i]);

        // A project is published when a published announcement is about it.
        var projects = content.Projects.Values.Where(p => byProject.ContainsKey(p.Id)).ToList();
        var byFund = projects.SelectMany(p => p.Funds.Select(f => (Fund: f, Project: p)))
            .GroupBy(x => x.Fund)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Project>)g.Select(x => x.Project).ToList(), StringComparer.Ordinal);
        var byMeasure = projects.GroupBy(p => p.MeasureCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Project>)g.ToList(), StringComparer.Ordinal);

        // Pages list municipalities by name in their own language's order; the model keeps a stable one.
        var municipalities = content.Municipalities.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();

        return new SiteModel(content, today, stories, municipalities, byMunicipality, byProject, projects, byFund, byMeasure);
    }

    private static void Add(Dictionary<string, IReadOnlyList<Story>> index, string key, Story story)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = new List<Story>();
        ((List<Story>)list).Add(story);
    }

    // Newest first, then by municipality and stem, which tell every story apart: the same order on every machine.
    private static int NewestFirst(Story a, Story b)
    {
        var order = b.Date.CompareTo(a.Date);
        if (order == 0) order = string.CompareOrdinal(a.MunicipalityId, b.MunicipalityId);
        return order != 0 ? order : string.CompareOrdinal(a.Stem, b.Stem);
    }

    private static Story Story(List<Announcement> versions, SiteSettings site)
    {
        var byLanguage = versions.ToDictionary(a => a.Language);
        var original = site.Languages.Where(byLanguage.ContainsKey).Select(l => byLanguage[l]).First();
        return new Story(original.MunicipalityId, original.Stem, byLanguage, original);
    }
}
