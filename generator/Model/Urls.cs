namespace Vestis.Model;

/// <summary>The URL scheme of the content model. Paths are relative to the site root and end in '/' for pages.</summary>
public static class Urls
{
    private const string ProjectsSection = "projects";
    private const string FundsSection = "funds";
    private const string MeasuresSection = "measures";
    private const string SearchSection = "search";
    private const string AccessibilitySection = "accessibility";

    /// <summary>The folders under each language that are not municipalities, so no municipality may take their names.</summary>
    public static readonly IReadOnlyList<string> Sections = [ProjectsSection, FundsSection, MeasuresSection, SearchSection, AccessibilitySection];

    public static string Home(string language) => $"{language}/";

    /// <summary>
    /// A URL as a browser reads it (the WHATWG URL standard): without control characters and spaces at its ends, nor the
    /// tabs and line breaks it drops inside, and with a slash for each backslash, as in web addresses: <c>/\host/a.png</c>
    /// is <c>//host/a.png</c>, on another site. The checks of what a page fetches read it so.
    /// </summary>
    public static string AsBrowsersRead(string url)
    {
        url = url.Trim(C0ControlOrSpace);
        return url.AsSpan().IndexOfAny("\t\n\r\\") < 0 ? url : url.Replace("\t", "").Replace("\n", "").Replace("\r", "").Replace('\\', '/');
    }

    private static readonly char[] C0ControlOrSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    public static string Municipality(string language, string municipalityId, int page = 1) =>
        page == 1 ? $"{language}/{municipalityId}/" : $"{language}/{municipalityId}/page/{page}/";

    public static string Announcement(Announcement a) => Announcement(a.Language, a.MunicipalityId, a.Date, a.Slug);

    public static string Announcement(string language, string municipalityId, DateOnly date, string slug) =>
        $"{language}/{municipalityId}/{date.Year:D4}/{slug}/";

    public static string ProjectSlug(string projectId) => projectId.ToLowerInvariant().Replace('/', '-');

    public static string Project(string language, string projectId) => $"{language}/{ProjectsSection}/{ProjectSlug(projectId)}/";

    public static string Fund(string language, string fund) => $"{language}/{FundsSection}/{Funds.Slug(fund)}/";

    public static string Measure(string language, string code) => $"{language}/{MeasuresSection}/{code}/";

    public static string Feed(string language, string? municipalityId, string format) => Listing(language, municipalityId, $"feed.{format}");

    /// <summary>The open data list of a language's projects, or of one municipality's (<c>csv</c> or <c>json</c>).</summary>
    public static string ProjectData(string language, string? municipalityId, string format) => Listing(language, municipalityId, $"projects.{format}");

    /// <summary>A file about a whole language's site, or about one municipality in it.</summary>
    private static string Listing(string language, string? municipalityId, string file) =>
        municipalityId is null ? $"{language}/{file}" : $"{language}/{municipalityId}/{file}";

    public static string Search(string language) => $"{language}/{SearchSection}/";

    /// <summary>What the search page looks in: every announcement listed in the language.</summary>
    public static string SearchIndex(string language) => $"{language}/{SearchSection}.json";

    /// <summary>The accessibility statement (Directive (EU) 2016/2102), one per language.</summary>
    public static string Accessibility(string language) => $"{language}/{AccessibilitySection}/";

    /// <summary>The list of a page (a municipality's index, a project) for other sites to frame: the page's own address under <c>embed/</c>.</summary>
    public static string Embed(string pagePath) => $"embed/{pagePath}";

    public static string Attachment(string municipalityId, string stem, string rest) => $"files/{municipalityId}/{stem}/{rest}";
}
