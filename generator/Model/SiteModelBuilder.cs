namespace Vestis.Model;

/// <summary>The Model stage: decides what is published and indexes it, newest first, in a stable order.</summary>
/// <param name="includeFuture">Whether announcements dated after <paramref name="today"/> are shown (a preview while serving).</param>
public sealed class SiteModelBuilder(DateOnly today, bool includeDrafts, bool includeFuture = false)
{
    public SiteModel Build(Content content)
    {
        var site = content.Settings;
        var stories = content.Announcements
            .Where(a => (includeDrafts || !a.Draft) && (includeFuture || a.Date <= today))
            .GroupBy(a => (a.MunicipalityId, a.Stem))
            .Select(g =>
            {
                var versions = g.ToDictionary(a => a.Language);
                var original = site.Languages.Where(versions.ContainsKey).Select(l => versions[l]).First();
                return new Story(g.Key.MunicipalityId, g.Key.Stem, versions, original);
            })
            .OrderByDescending(s => s.Date)
            .ThenBy(s => s.MunicipalityId, StringComparer.Ordinal)
            .ThenBy(s => s.Stem, StringComparer.Ordinal)
            .ToList();

        var byMunicipality = stories.GroupBy(s => s.MunicipalityId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Story>)g.ToList(), StringComparer.Ordinal);
        var byProject = stories.Where(s => s.ProjectId is not null).GroupBy(s => s.ProjectId!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Story>)g.Reverse().ToList(), StringComparer.Ordinal);

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
}
