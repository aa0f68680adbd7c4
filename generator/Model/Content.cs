namespace Vestis.Model;

public sealed record SiteSettings(
    LocalizedText Title,
    Uri BaseUrl,
    IReadOnlyList<string> Languages,
    string Country,
    int PageSize,
    PublicitySettings Publicity,
    AccessibilitySettings? Accessibility)
{
    public string DefaultLanguage => Languages[0];
}

/// <summary>
/// What the accessibility statement says, after the EU model statement (Commission Implementing Decision (EU) 2018/1523).
/// </summary>
/// <param name="Status">How far the site complies with EN 301 549: <c>full</c>, <c>partial</c> or <c>none</c>.</param>
/// <param name="Exceptions">The content that is not accessible, each with the reason, per language.</param>
/// <param name="Assessment">How compliance was assessed: <c>self</c> or <c>third-party</c>.</param>
/// <param name="EnforcementName">The national body that handles complaints when the answer to feedback is unsatisfactory.</param>
public sealed record AccessibilitySettings(
    string Status,
    IReadOnlyList<LocalizedText> Exceptions,
    string Assessment,
    string? Email,
    string? Phone,
    Uri? ContactUrl,
    LocalizedText EnforcementName,
    Uri? EnforcementUrl,
    DateOnly Prepared,
    DateOnly? Reviewed)
{
    public static readonly IReadOnlyList<string> Statuses = ["full", "partial", "none"];

    public static readonly IReadOnlyList<string> Assessments = ["self", "third-party"];
}

/// <summary>What a site adds to the EU publicity label: artwork and words the generator cannot make itself.</summary>
/// <param name="Slogans">The 2014–2020 slogan by label language (lv: "Ieguldījums tavā nākotnē").</param>
/// <param name="Logos">The national programme logo by programme period.</param>
/// <param name="CountrySpan">Where site.yml names the country, whose rules ask for the logos.</param>
public sealed record PublicitySettings(
    IReadOnlyDictionary<string, string> Slogans,
    IReadOnlyDictionary<string, NationalLogo> Logos,
    Diagnostics.SourceSpan CountrySpan);

/// <param name="File">The configured file as a path to show (content/publicity/…).</param>
/// <param name="Size">The artwork's intrinsic width and height; null when the file is missing.</param>
public sealed record NationalLogo(
    string Programme,
    string File,
    string FullPath,
    string OutputPath,
    string Alt,
    string AltLanguage,
    (int Width, int Height)? Size,
    Diagnostics.SourceSpan Span);

public sealed record Municipality(string Id, LocalizedText Name, string? Website, string? Successor, DateOnly? Dissolved);

public sealed record Measure(string Code, LocalizedText Name);

public enum AnnouncementKind { News, ProjectStart, Procurement, Progress, Completion }

public sealed record Author(string Name, string? Role);

/// <summary>One announcement file: one language version of a story.</summary>
/// <param name="Stem">The file name without language suffix and <c>.md</c>; equal stems in a folder are translations.</param>
public sealed record Announcement(
    string SourcePath,
    string MunicipalityId,
    string Stem,
    string Language,
    DateOnly Date,
    DateOnly? Updated,
    DateOnly? Translated,
    string Title,
    string? Summary,
    AnnouncementKind Kind,
    string Slug,
    bool Draft,
    IReadOnlyList<string> Tags,
    Author? Author,
    string? ProjectId,
    Diagnostics.SourceSpan? ProjectSpan)
{
    /// <summary>The date feeds and "updated" notes use: the last substantive change.</summary>
    public DateOnly LastChanged => Updated ?? Date;

    /// <summary>Whether a build on <paramref name="today"/> publishes it: not a draft, and not dated later.</summary>
    public bool IsPublishedOn(DateOnly today) => !Draft && Date <= today;
}

public sealed record Facility(string Name, string? Address, int? Places)
{
    /// <summary>The name and, where given, the address: how pages and data name the place.</summary>
    public string Place => Address is null ? Name : $"{Name}, {Address}";
}

/// <param name="Percent">The share the author gave, when the source was given as a percentage.</param>
/// <param name="Note">Text in the language of the file that gave it; pages use <see cref="Project.SourceNotesFor"/>.</param>
public sealed record FundingSource(string Source, decimal Amount, decimal? Percent, bool Eligible, string? Note);

public sealed record Budget(string Currency, decimal Total, IReadOnlyList<FundingSource> Sources)
{
    public decimal EuAmount => Sources.Where(s => Funds.IsEuFund(s.Source)).Sum(s => s.Amount);

    public decimal NonEligibleAmount => Sources.Where(s => !s.Eligible).Sum(s => s.Amount);
}

public enum ProjectStatus { Planned, Ongoing, Completed }

/// <summary>An EU-funded project, merged from every announcement that defines it.</summary>
public sealed record Project(
    string Id,
    string Programme,
    string MeasureCode,
    IReadOnlyList<string> Funds,
    DateOnly Start,
    DateOnly End,
    Budget Budget,
    LocalizedText Name,
    LocalizedText Beneficiary,
    LocalizedText Aims,
    LocalizedText Results,
    IReadOnlyDictionary<string, IReadOnlyList<Facility>> Facilities,
    IReadOnlyDictionary<string, IReadOnlyList<string?>> SourceNotes,
    string MunicipalityId)
{
    public ProjectStatus StatusOn(DateOnly today) =>
        today < Start ? ProjectStatus.Planned : today > End ? ProjectStatus.Completed : ProjectStatus.Ongoing;

    /// <summary>The language of the facility names and addresses a page in <paramref name="language"/> shows.</summary>
    public string? FacilitiesLanguage(string language, string defaultLanguage) => LocalizedText.Pick(Facilities, language, defaultLanguage);

    public IReadOnlyList<Facility> FacilitiesFor(string language, string defaultLanguage) =>
        FacilitiesLanguage(language, defaultLanguage) is { } shown ? Facilities[shown] : [];

    /// <summary>The language of the source notes a page in <paramref name="language"/> shows.</summary>
    public string? SourceNotesLanguage(string language, string defaultLanguage) => LocalizedText.Pick(SourceNotes, language, defaultLanguage);

    /// <summary>The notes on the budget's sources, in source order, as the language's own definition words them.</summary>
    public IReadOnlyList<string?> SourceNotesFor(string language, string defaultLanguage) =>
        SourceNotesLanguage(language, defaultLanguage) is { } shown ? SourceNotes[shown] : Budget.Sources.Select(s => s.Note).ToList();
}

/// <summary>Everything the content folder says, checked and typed.</summary>
/// <param name="Announcements">Story by story: the versions of a story one after another, the original first.</param>
public sealed record Content(
    SiteSettings Settings,
    IReadOnlyDictionary<string, Municipality> Municipalities,
    IReadOnlyDictionary<string, Measure> Measures,
    IReadOnlyList<Announcement> Announcements,
    IReadOnlyDictionary<string, Project> Projects,
    IReadOnlyList<Attachment> Attachments);

/// <summary>A file from an announcement folder, copied to <see cref="OutputPath"/>.</summary>
public sealed record Attachment(string FullPath, string OutputPath);
