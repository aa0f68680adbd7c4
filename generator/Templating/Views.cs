namespace Vestis.Templating;

// View models: the only things templates see. Values are final text (formatted and translated);
// Scriban exposes properties in snake_case (PageView.SiteTitle → page.site_title).

/// <param name="Lang">The language of the text, or of the page linked to, where it is not the page's.</param>
public sealed record LinkView(string Href, string Text, string? Lang = null);

/// <summary>One entry of the language switcher: the same page in another language, or that language's home.</summary>
public sealed record LanguageLinkView(string Lang, string Name, string Href, bool Current, bool Translated);

public sealed record AlternateView(string Hreflang, string Href);

/// <summary>What the shared layout needs on every page.</summary>
/// <param name="FeedTitle">The name of the feeds the page links to: its municipality's, or the site's.</param>
public sealed record PageView(
    string Lang,
    string Title,
    string SiteTitle,
    string? SiteTitleLang,
    string? Description,
    string Canonical,
    string Root,
    string HomeHref,
    string SearchHref,
    string? AccessibilityHref,
    IReadOnlyList<AlternateView> Alternates,
    IReadOnlyList<LanguageLinkView> Languages,
    string FeedTitle,
    string? FeedAtom,
    string? FeedJson,
    string? DataCsv,
    string? DataJson,
    string Kind,
    PublicityLabelView? Publicity,
    OpenGraphView OpenGraph,
    Html? StructuredData)
{
    /// <summary>Unescaped: the policy's quotes are its syntax, and it holds nothing that could end the attribute.</summary>
    private static readonly Html Policy = new(Templating.SecurityPolicy.ForPages);

    public Html SecurityPolicy => Policy;
}

/// <summary>Open Graph metadata beyond what the page already has (title, description, canonical address).</summary>
/// <param name="Locale">The page's language as a locale with an underscore (<c>lv_LV</c>).</param>
/// <param name="Published">For an announcement (<c>og:type</c> article): its date, ISO.</param>
public sealed record OpenGraphView(string Type, string Locale, string? Published, string? Modified);

/// <summary>The EU publicity label of the project a page is about, in the label's language.</summary>
/// <param name="LogoBefore">The national logo where the member state's ensemble puts it before the emblem, else null.</param>
public sealed record PublicityLabelView(
    string Lang,
    string Programme,
    Html Emblem,
    string Statement,
    IReadOnlyList<string> Funds,
    string? Slogan,
    LogoView? LogoBefore,
    LogoView? LogoAfter) : ISharedView;

public sealed record LogoView(string Src, int Width, int Height, string Alt, string Lang);

public sealed record ItemView(
    string Href,
    string Title,
    string Date,
    string DateIso,
    string? Summary,
    string Kind,
    Html Municipality,
    string? Lang,
    string? LanguageNote,
    bool Draft,
    ScheduledView? Scheduled);

/// <summary>The stories listed on a project's page and on its embeddable list, shared by both: the list is rendered once.</summary>
public sealed class ItemList(IEnumerable<ItemView> items) : List<ItemView>(items), ISharedView;

public sealed record PagerView(int Current, int Total, string? Previous, string? Next, IReadOnlyList<LinkView> Pages);

public sealed record FundingSourceView(string Label, string Amount, string Share, bool Eligible, string? Note);

/// <param name="Place">The facility's name and address, marked with their language where it is not the page's.</param>
public sealed record FacilityView(Html Place, int? Places);

/// <summary>
/// A view that several pages of a language are given, the same instance: a partial that depends only on its value
/// (<see cref="TemplateCatalog.DependsOnlyOnValue"/>) renders it once.
/// </summary>
public interface ISharedView;

/// <summary>A project's facts, shared by the pages about it in one language.</summary>
public sealed record ProjectView(
    string Id,
    string Name,
    string? NameLang,
    string Href,
    Html Beneficiary,
    LinkView Municipality,
    string Programme,
    LinkView Measure,
    IReadOnlyList<LinkView> Funds,
    string Start,
    string StartIso,
    string End,
    string EndIso,
    string Status,
    string Total,
    IReadOnlyList<FundingSourceView> Sources,
    string? SourceNotesLang,
    string EuAmount,
    string EuRate,
    string? NonEligible,
    IReadOnlyList<FacilityView> Facilities,
    string? Aims,
    string? AimsLang,
    string? Results,
    string? ResultsLang) : ISharedView;

public sealed record AnnouncementView(
    string Title,
    string Date,
    string DateIso,
    string? Updated,
    string? UpdatedIso,
    string Kind,
    LinkView Municipality,
    string? Author,
    IReadOnlyList<string> Tags,
    Html Body,
    ProjectView? Project,
    IReadOnlyList<LinkView> Translations,
    StaleNoteView? Stale,
    bool Draft,
    ScheduledView? Scheduled);

/// <summary>On an announcement dated after the build date, shown only in a preview: the day it will appear.</summary>
public sealed record ScheduledView(string Date, string DateIso);

/// <summary>On a translation whose original changed after it was made: when, and the original (Text: "(in Latvian)").</summary>
public sealed record StaleNoteView(string Date, string DateIso, LinkView Original);

public sealed record MunicipalityEntryView(Html Name, string Href, int Count, bool Dissolved);

public sealed record HomeView(IReadOnlyList<MunicipalityEntryView> Municipalities, IReadOnlyList<ItemView> Latest, IReadOnlyList<LinkView> Projects);

public sealed record MunicipalityView(
    Html Name,
    string? Website,
    LinkView? Successor,
    string? Dissolved,
    IReadOnlyList<LinkView> Predecessors,
    IReadOnlyList<ItemView> Items,
    PagerView Pager);

public sealed record ProjectPageView(ProjectView Project, IReadOnlyList<ItemView> Timeline);

public sealed record ProjectListView(string Heading, string? Code, IReadOnlyList<ProjectListEntryView> Projects);

/// <summary>A project in a fund's or measure's list, with the number of its announcements: they are listed on its own page,
/// since listed here for thousands of projects they made a page of megabytes that took a minute to render.</summary>
public sealed record ProjectListEntryView(string Href, string Id, string Name, string? NameLang, Html Municipality, string Period, string Status, int Announcements);

/// <summary>A list for other sites to frame: what it lists, linked to its full page on the site, and the items.</summary>
/// <param name="Project">For a project's list: the project, whose facts card the list carries.</param>
public sealed record EmbedView(LinkView Subject, IReadOnlyList<ItemView> Items, ProjectView? Project);

public sealed record ChooserView(IReadOnlyList<LanguageLinkView> Languages);

/// <summary>
/// The search page: what its script needs, as data attributes (the form's action, the index, the locale whose
/// plural rules and digits the browser applies), and the status text for each plural category of the language.
/// </summary>
public sealed record SearchPageView(string Action, string Index, string Locale, IReadOnlyList<PluralFormView> Results);

/// <param name="Text">The text for a count in <paramref name="Category"/>: {0} the count, {1} the words searched for.</param>
public sealed record PluralFormView(string Category, string Text);

public sealed record DateView(string Date, string DateIso);

/// <summary>The accessibility statement's facts; its sentences are the model statement's, in the UI strings.</summary>
/// <param name="Status">The status as a key's last part: <c>full</c>, <c>partial</c> or <c>none</c>.</param>
/// <param name="Exceptions">Each part that is not accessible, marked with its language where it is not the page's.</param>
public sealed record AccessibilityView(
    string Status,
    IReadOnlyList<Html> Exceptions,
    string Assessment,
    string SiteUrl,
    string? Email,
    string? Phone,
    string? ContactUrl,
    Html EnforcementName,
    string? EnforcementUrl,
    DateView Prepared,
    DateView? Reviewed);
