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
    public static IReadOnlyDictionary<string, Project> Merge(IReadOnlyList<ParsedAnnouncement> announcements, SiteSettings site, DiagnosticBag diagnostics)
    {
        var projects = new SortedDictionary<string, Project>(StringComparer.Ordinal);
        var definitions = announcements
            .Where(a => a.Definition is not null)
            .Select(a => a.Definition!)
            .OrderBy(d => d.AnnouncementDate).ThenBy(d => d.Path, StringComparer.Ordinal)
            .GroupBy(d => d.Id, StringComparer.Ordinal);
        foreach (var group in definitions)
        {
            var reference = Reference(group.ToList());
            foreach (var other in group)
                if (FirstDifference(reference, other) is { } field)
                    diagnostics.Error(DiagnosticCodes.ProjectConflict, other.Spans.GetValueOrDefault(field, SourceSpan.File(other.Path)),
                        $"project {other.Id} is defined elsewhere with {field} {Describe(reference, field)} ({reference.Path}); " +
                        "programme, measure, funds, start, end and budget must be the same wherever they are given");
            projects[group.Key] = Project(reference, group.ToList(), site);
        }

        var attempted = announcements.Where(a => a.DefinesProject && a.ProjectId is not null).Select(a => a.ProjectId!).ToHashSet();
        var slugs = new Dictionary<string, string>();
        foreach (var id in attempted.Order(StringComparer.Ordinal))
        {
            var slug = Urls.ProjectSlug(id);
            if (slugs.TryGetValue(slug, out var earlier))
                foreach (var a in announcements.Where(a => a.ProjectId == id && a.ProjectSpan is not null))
                    diagnostics.Error(DiagnosticCodes.InvalidProjectId, a.ProjectSpan!.Value,
                        $"project {id} and project {earlier} would share the page /projects/{slug}/; project numbers must differ in more than case and '/' or '-'");
            else slugs[slug] = id;
        }
        foreach (var a in announcements)
            if (a.ProjectId is not null && !attempted.Contains(a.ProjectId))
                diagnostics.Error(DiagnosticCodes.UndefinedProject, a.ProjectSpan!.Value,
                    $"project {a.ProjectId} is referenced but never defined in full; give its full `project:` block in one announcement");
        return projects;
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
