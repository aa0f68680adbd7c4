using Vestis.Model;

namespace Vestis.Publicity;

/// <summary>
/// What the EU publicity label of one project says on a page in one language. Templates lay it out; the
/// audit checks the page against it.
/// </summary>
/// <param name="Language">The label's language: the page's, or the member state's where the page's is not an official EU language.</param>
/// <param name="Statement">"European Union" (2014–2020) or "Co-funded by / Funded by the European Union" (2021–2027); the emblem's accessible name.</param>
/// <param name="FundReferences">The funds' full names, which 2014–2020 labels cite and 2021–2027 labels leave out.</param>
/// <param name="Logo">The national logo, when the site supplies it.</param>
public sealed record PublicityLabel(
    string Programme,
    string Language,
    string Statement,
    IReadOnlyList<string> FundReferences,
    string? Slogan,
    NationalLogo? Logo)
{
    public static PublicityLabel For(Project project, string pageLanguage, SiteSettings settings)
    {
        var wording = OfficialWording.ForPage(pageLanguage, settings.Country)
            ?? throw new InvalidOperationException($"no label wording for `{pageLanguage}` in {settings.Country}: site.yml validation lets no such site through");
        var older = project.Programme == Funds.Period2014;
        var budget = project.Budget;
        var statement = older ? wording.EuropeanUnion
            : budget.EuAmount == budget.Total ? wording.Funded
            : wording.CoFunded;
        return new PublicityLabel(
            project.Programme,
            wording.Language,
            statement,
            older ? project.Funds.Select(f => wording.FundNames[f]).ToList() : [],
            older ? settings.Publicity.Slogans.GetValueOrDefault(wording.Language) : null,
            settings.Publicity.Logos.GetValueOrDefault(project.Programme) is { Size: not null } logo ? logo : null);
    }
}
