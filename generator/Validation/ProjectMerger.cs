using System.Globalization;
using Vestis.Diagnostics;
using Vestis.Model;

namespace Vestis.Validation;

/// <summary>
/// Joins the definitions of each project into one <see cref="Project"/>: language-neutral facts must agree
/// wherever they are given, texts are collected per language, and every reference must find a definition.
/// </summary>
internal static class ProjectMerger
{
    /// <param name="Slug">Where the project's page would be; null when no announcement tries to define it.</param>
    private sealed record CheckedProject(Project? Project, string? Slug);

    /// <param name="earlier">Projects merged by an earlier run, reused while the announcements about them are the same instances.</param>
    public static IReadOnlyDictionary<string, Project> Merge(IReadOnlyList<ParsedAnnouncement> announcements, SiteSettings site, DiagnosticBag diagnostics,
        MadeFrom<ParsedAnnouncement>? earlier = null)
    {
        var byProject = new Dictionary<string, List<ParsedAnnouncement>>(StringComparer.Ordinal);
        foreach (var a in announcements)
            if (a.ProjectId is not null)
                (byProject.TryGetValue(a.ProjectId, out var about) ? about : byProject[a.ProjectId] = []).Add(a);
        // By id in ordinal order, the order every list of projects keeps.
        var ids = byProject.Keys.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        var projects = new OrderedDictionary<string, Project>(ids.Length, StringComparer.Ordinal);
        var attempted = new List<(string Id, string Slug, List<ParsedAnnouncement> About)>();
        foreach (var id in ids)
        {
            var about = byProject[id];
            var project = earlier is null ? Check(id, about, site, diagnostics)
                : earlier.Get(about[0], [site, .. about.Skip(1)], (id, about, site), static (s, found) => Check(s.id, s.about, s.site, found), diagnostics)!;
            if (project.Project is not null) projects.Add(id, project.Project);
            if (project.Slug is not null) attempted.Add((id, project.Slug, about));
        }
        CheckSlugs(attempted, diagnostics);
        return projects;
    }

    /// <summary>One project, from the announcements about it: defined in full somewhere, and the same wherever defined.</summary>
    private static CheckedProject Check(string id, List<ParsedAnnouncement> about, SiteSettings site, DiagnosticBag diagnostics)
    {
        if (!about.Any(a => a.DefinesProject))
        {
            foreach (var a in about)
                diagnostics.Error(DiagnosticCodes.UndefinedProject, a.ProjectSpan!.Value,
                    $"project {id} is referenced but never defined in full; give its full `project:` block in one announcement");
            return new CheckedProject(null, null);
        }
        return new CheckedProject(Project(about, site, diagnostics), Urls.ProjectSlug(id));
    }

    /// <summary>Project numbers that differ only in case, '/' or '-' would share a page: the first in ordinal order keeps it.</summary>
    /// <param name="attempted">In ordinal order of their ids.</param>
    private static void CheckSlugs(List<(string Id, string Slug, List<ParsedAnnouncement> About)> attempted, DiagnosticBag diagnostics)
    {
        var slugs = new Dictionary<string, string>(attempted.Count, StringComparer.Ordinal);
        foreach (var (id, slug, about) in attempted)
        {
            if (slugs.TryGetValue(slug, out var earlierId))
                foreach (var a in about.Where(a => a.ProjectSpan is not null))
                    diagnostics.Error(DiagnosticCodes.InvalidProjectId, a.ProjectSpan!.Value,
                        $"project {id} and project {earlierId} would share the page /projects/{slug}/; project numbers must differ in more than case and '/' or '-'");
            else slugs[slug] = id;
        }
    }

    /// <summary>The project the announcements about it define; null when none defines it.</summary>
    private static Project? Project(List<ParsedAnnouncement> about, SiteSettings site, DiagnosticBag diagnostics)
    {
        var definitions = about.Where(a => a.Definition is not null).Select(a => a.Definition!)
            .OrderBy(d => d.AnnouncementDate).ThenBy(d => d.Path, StringComparer.Ordinal).ToList();
        if (definitions.Count == 0) return null;
        var reference = Reference(definitions);
        foreach (var other in definitions)
            if (FirstDifference(reference, other) is { } field)
                diagnostics.Error(DiagnosticCodes.ProjectConflict, other.Spans.GetValueOrDefault(field, SourceSpan.File(other.Path)),
                    $"project {other.Id} is defined elsewhere with {field} {Describe(reference, field)} ({reference.Path}); " +
                    "programme, measure, funds, start, end and budget must be the same wherever they are given");
        var project = Project(reference, definitions, site);
        WarnAboutMissingAimsAndResults(project, about, diagnostics);
        return project;
    }

    private static void WarnAboutMissingAimsAndResults(Project project, List<ParsedAnnouncement> about, DiagnosticBag diagnostics)
    {
        foreach (var group in about.Where(a => !a.Draft && a.ProjectSpan is not null).GroupBy(a => a.Language))
        {
            var language = group.Key;
            if (project.Aims.Has(language) || project.Results.Has(language)) continue;
            var first = group.OrderBy(a => a.Date).ThenBy(a => a.Path, StringComparer.Ordinal).First();
            var at = first.ProjectSpan!.Value.Path == first.Path ? first.ProjectSpan.Value : SourceSpan.File(first.Path);
            diagnostics.Warning(DiagnosticCodes.MissingAimsOrResults, at,
                $"project {project.Id} states neither `aims` nor `results` in `{language}`; EU rules ask a project's web page to describe both");
        }
    }

    /// <summary>The definition the others are compared with: the one most definitions agree with, then the earliest.</summary>
    private static ProjectDefinition Reference(List<ProjectDefinition> definitions) =>
        definitions
            .Select((d, i) => (Definition: d, Index: i, Agreeing: definitions.Count(o => FirstDifference(d, o) is null)))
            .OrderByDescending(x => x.Agreeing).ThenBy(x => x.Index)
            .First().Definition;

    private static string? FirstDifference(ProjectDefinition a, ProjectDefinition b)
    {
        if (a.Programme != b.Programme) return "programme";
        if (a.Measure != b.Measure) return "measure";
        if (!a.Funds.SequenceEqual(b.Funds)) return "funds";
        if (a.Start != b.Start) return "start";
        if (a.End != b.End) return "end";
        if (a.Budget.Total != b.Budget.Total) return "total";
        if (a.Budget.Currency != b.Budget.Currency) return "budget";
        if (!a.Budget.Sources.Select(Neutral).SequenceEqual(b.Budget.Sources.Select(Neutral))) return "sources";
        return null;
    }

    // Money decides: 85 % of a total and the same amount written out are the same budget.
    private static (string, decimal, bool) Neutral(FundingSource s) => (s.Source, s.Amount, s.Eligible);

    private static string Describe(ProjectDefinition d, string field) => field switch
    {
        "programme" => d.Programme,
        "measure" => d.Measure,
        "funds" => string.Join(", ", d.Funds),
        "start" => d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "end" => d.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "total" => d.Budget.Total.ToString("0.00", CultureInfo.InvariantCulture),
        "budget" => d.Budget.Currency,
        _ => string.Join("; ", d.Budget.Sources.Select(s => $"{s.Source} {s.Amount.ToString("0.00", CultureInfo.InvariantCulture)}")),
    };

    private static Project Project(ProjectDefinition reference, List<ProjectDefinition> all, SiteSettings site)
    {
        // The earliest definition in each language speaks for that language.
        var perLanguage = all.GroupBy(d => d.Language).ToDictionary(g => g.Key, g => g.First());
        LocalizedText Texts(Func<ProjectDefinition, string?> pick) => new(
            perLanguage.Where(p => pick(p.Value) is not null)
                .ToDictionary(p => p.Key, p => pick(p.Value)!));
        return new Project(reference.Id, reference.Programme, reference.Measure, reference.Funds, reference.Start,
            reference.End, reference.Budget, Texts(d => d.Name), Texts(d => d.Beneficiary), Texts(d => d.Aims),
            Texts(d => d.Results),
            perLanguage.Where(p => p.Value.Facilities.Count > 0).ToDictionary(p => p.Key, p => p.Value.Facilities),
            perLanguage.ToDictionary(p => p.Key, p => (IReadOnlyList<string?>)p.Value.Budget.Sources.Select(s => s.Note).ToList()),
            all[0].MunicipalityId);
    }
}
