using System.Globalization;
using Vestis.Diagnostics;
using Vestis.Model;

namespace Vestis.Publicity;

/// <summary>
/// The publicity rules that depend on what the build publishes and when: national logos for the periods
/// that have project pages, and the duty to keep an ongoing 2014–2020 project's news fresh.
/// </summary>
public static class PublicityChecks
{
    /// <summary>Latvian rules ask for news about an ongoing 2014–2020 project at least this often.</summary>
    public const int FreshnessMonths = 6;

    public static void Check(SiteModel site, DiagnosticBag diagnostics)
    {
        CheckNationalLogos(site, diagnostics);
        CheckFreshness(site, diagnostics);
    }

    private static void CheckNationalLogos(SiteModel site, DiagnosticBag diagnostics)
    {
        var settings = site.Settings;
        foreach (var programme in site.Projects.Select(p => p.Programme).Distinct().Order(StringComparer.Ordinal))
        {
            if (!settings.Publicity.Logos.TryGetValue(programme, out var logo) || logo.Size is not null) continue;
            diagnostics.Warning(DiagnosticCodes.NationalLogoMissing, logo.Span,
                $"the national logo file `{logo.File}` is missing, so {Period(programme)} project pages show the EU label without " +
                $"\"{logo.Alt}\": add the official artwork (SVG or PNG) there" +
                (NationalLogos.RequiredName(settings.Country, programme) is null ? "" : $", or name another file in site.yml under publicity: logos: {programme}: file:"));
        }
    }

    private static void CheckFreshness(SiteModel site, DiagnosticBag diagnostics)
    {
        var limit = site.Today.AddMonths(-FreshnessMonths);
        foreach (var project in site.Projects.Where(p => p.Programme == Funds.Period2014 && p.StatusOn(site.Today) == ProjectStatus.Ongoing))
        {
            var newest = site.StoriesByProject.GetValueOrDefault(project.Id, [])
                .SelectMany(s => s.Versions.Values)
                .OrderByDescending(a => a.LastChanged).ThenBy(a => a.SourcePath, StringComparer.Ordinal)
                .FirstOrDefault();
            if (newest is null || newest.LastChanged >= limit) continue;
            var at = newest.ProjectSpan is { } span && span.Path == newest.SourcePath ? span : SourceSpan.File(newest.SourcePath);
            diagnostics.Warning(DiagnosticCodes.StaleProject, at,
                string.Create(CultureInfo.InvariantCulture,
                    $"project {project.Id} is ongoing until {project.End:yyyy-MM-dd}, but its newest announcement is from {newest.LastChanged:yyyy-MM-dd}, " +
                    $"more than {FreshnessMonths} months before {site.Today:yyyy-MM-dd}; 2014–2020 rules ask for news at least every {FreshnessMonths} months"));
        }
    }

    private static string Period(string programme) => programme.Replace('-', '–');
}
