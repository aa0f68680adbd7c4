namespace Vestis.Model;

/// <summary>The URL scheme of the content model. Paths are relative to the site root and end in '/' for pages.</summary>
public static class Urls
{
    public static string Home(string language) => $"{language}/";

    public static string Municipality(string language, string municipalityId, int page = 1) =>
        page == 1 ? $"{language}/{municipalityId}/" : $"{language}/{municipalityId}/page/{page}/";

    public static string Announcement(Announcement a) =>
        $"{a.Language}/{a.MunicipalityId}/{a.Date.Year:D4}/{a.Slug}/";

    public static string ProjectSlug(string projectId) => projectId.ToLowerInvariant().Replace('/', '-');

    public static string Project(string language, string projectId) => $"{language}/projects/{ProjectSlug(projectId)}/";

    public static string Fund(string language, string fund) => $"{language}/funds/{Funds.Slug(fund)}/";

    public static string Measure(string language, string code) => $"{language}/measures/{code}/";

    public static string Feed(string language, string? municipalityId, string format) =>
        municipalityId is null ? $"{language}/feed.{format}" : $"{language}/{municipalityId}/feed.{format}";

    public static string Embed(string language, string municipalityId) => $"embed/{language}/{municipalityId}/";

    public static string Attachment(string municipalityId, string stem, string rest) => $"files/{municipalityId}/{stem}/{rest}";
}
