using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Vestis.Feeds;
using Vestis.I18n;
using Vestis.Markdown;
using Vestis.Model;
using Vestis.Publicity;
using Vestis.Search;

namespace Vestis.Templating;

/// <summary>Builds the view models of one language's pages from the site model.</summary>
/// <param name="pagesAbout">How many of the language's pages are about each project, by its id: each takes the project's view once.</param>
public sealed class ViewFactory(SiteModel site, string language, UiStrings ui, RenderedBodies bodies, IReadOnlyDictionary<string, int> pagesAbout)
{
    private readonly string defaultLanguage = site.Settings.DefaultLanguage;
    private readonly string root = site.Settings.BaseUrl.AbsolutePath;
    private readonly ConcurrentDictionary<string, PublicityLabel?> labels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SharedValue> shared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Programme, string Language, string Statement, string Funds, string? Slogan, NationalLogo? Logo), PublicityLabelView> labelViews = new();
    // The emblem's markup by the statement it is named after: a language has one or two statements, and every page about a project shows one.
    private readonly ConcurrentDictionary<string, Html> emblems = new(StringComparer.Ordinal);
    private LanguageFormat Format => ui.Format;

    public string Language => language;

    public string DefaultLanguage => defaultLanguage;

    public UiStrings Ui => ui;

    /// <summary>
    /// What several files are made from (a feed's entries, for both its formats), made once and forgotten when the
    /// last of its <paramref name="takers"/> has taken it, so that a build does not hold them all to its end.
    /// </summary>
    public T Shared<T>(string key, int takers, Func<T> make) where T : class
    {
        var entry = shared.GetOrAdd(key, _ => new SharedValue(make, takers));
        if (Interlocked.Decrement(ref entry.Left) == 0) shared.TryRemove(new KeyValuePair<string, SharedValue>(key, entry));
        return (T)entry.Value.Value;
    }

    private sealed class SharedValue(Func<object> make, int takers)
    {
        public readonly Lazy<object> Value = new(make);
        public int Left = takers;
    }

    public string Href(string path) => root + path;

    public string Absolute(string path) => site.Settings.BaseUrl.AbsoluteUri + path;

    public string SiteTitle => site.Settings.Title.For(language, defaultLanguage) ?? "";

    /// <summary>The language a text on this page is actually in, when it is not the page's (a name given only in Latvian).</summary>
    private string? LanguageOfText(LocalizedText text) => OtherLanguage(text.LanguageOf(language, defaultLanguage));

    /// <summary>Text that may be in another language than the page, marked with its language for screen readers (WCAG 3.1.2).</summary>
    private static Html Marked(string text, string? lang) =>
        new(lang is null ? Html.Escape(text) : $"<span lang=\"{lang}\">{Html.Escape(text)}</span>");

    /// <summary>The layout's view of a page that exists in <paramref name="pathIn"/>'s languages (null: not in that language).</summary>
    /// <param name="feedMunicipality">The municipality whose feeds and data the page links to; null for the whole language's.</param>
    /// <param name="article">For an announcement's page: the announcement, described to search engines and link previews.</param>
    public PageView Page(string title, string kind, Func<string, string?> pathIn, string? description = null, string? feedMunicipality = null,
        bool withFeeds = true, PublicityLabel? publicity = null, Announcement? article = null)
    {
        var (canonical, alternates) = SitemapEntry(pathIn);
        var switcher = site.Settings.Languages.Select(l =>
        {
            var target = pathIn(l);
            return new LanguageLinkView(l, LanguageName(l), Href(target ?? Urls.Home(l)), l == language, target is not null);
        }).ToList();
        string? Listed(Func<string, string?, string, string> url, string format) => withFeeds ? Href(url(language, feedMunicipality, format)) : null;
        return new PageView(language, title, SiteTitle, LanguageOfText(site.Settings.Title), description, canonical, root, Href(Urls.Home(language)), Href(Urls.Search(language)),
            site.Settings.Accessibility is null ? null : Href(Urls.Accessibility(language)),
            alternates, switcher,
            feedMunicipality is null ? SiteTitle : MunicipalityName(feedMunicipality),
            Listed(Urls.Feed, "xml"), Listed(Urls.Feed, "json"), Listed(Urls.ProjectData, "csv"), Listed(Urls.ProjectData, "json"),
            kind,
            publicity is null ? null : Label(publicity),
            new OpenGraphView(article is null ? "website" : "article", Format.Culture.Name.Replace('-', '_'),
                article is null ? null : Iso(article.Date), article is null ? null : Iso(article.LastChanged)),
            article is null ? null : StructuredData.Script(NewsArticle(article, canonical)));
    }

    /// <summary>The page's absolute address and its reciprocal hreflang alternates, with <c>x-default</c> where there are several.</summary>
    public SitemapEntry SitemapEntry(Func<string, string?> pathIn)
    {
        var existing = site.Settings.Languages.Select(l => (Lang: l, Path: pathIn(l))).Where(x => x.Path is not null).ToList();
        var alternates = existing.Select(x => new AlternateView(x.Lang, Absolute(x.Path!))).ToList();
        if (alternates.Count > 1)
            alternates.Add(new AlternateView("x-default", Absolute(pathIn(defaultLanguage) ?? existing[0].Path!)));
        return new SitemapEntry(AddressOf(pathIn), alternates);
    }

    /// <summary>The absolute address of a page in this language (the sitemap's order).</summary>
    public string AddressOf(Func<string, string?> pathIn) => Absolute(pathIn(language)!);

    /// <summary>The announcement as a schema.org <c>NewsArticle</c>, about its project with the project's funding as grants.</summary>
    private JsonObject NewsArticle(Announcement a, string url)
    {
        var publisher = MunicipalityOrganization(a.MunicipalityId);
        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = a.Title,
            ["description"] = Summary(a),
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["inLanguage"] = a.Language,
            ["datePublished"] = Iso(a.Date),
            ["dateModified"] = Iso(a.LastChanged),
            ["author"] = a.Author is null ? MunicipalityOrganization(a.MunicipalityId)
                : a.Author.Role is null ? new JsonObject { ["@type"] = "Person", ["name"] = a.Author.Name }
                : new JsonObject { ["@type"] = "Person", ["name"] = a.Author.Name, ["jobTitle"] = a.Author.Role },
            ["publisher"] = publisher,
        };
        if (a.Tags.Count > 0) article["keywords"] = new JsonArray([.. a.Tags.Select(t => JsonValue.Create(t))]);
        if (a.ProjectId is not null && site.Content.Projects.TryGetValue(a.ProjectId, out var p))
        {
            var budget = p.Budget;
            article["about"] = new JsonObject
            {
                ["@type"] = "Project",
                ["name"] = ProjectName(p),
                ["identifier"] = p.Id,
                ["url"] = Absolute(Urls.Project(language, p.Id)),
                ["funding"] = new JsonArray([.. budget.Sources.Select(s => StructuredData.Grant(s.Source, SourceLabel(s.Source), s.Amount, budget.Currency,
                    s.Source == Funds.MunicipalBudget ? MunicipalityOrganization(p.MunicipalityId) : null))]),
            };
        }
        return article;
    }

    private JsonObject MunicipalityOrganization(string id) =>
        StructuredData.Organization("GovernmentOrganization", MunicipalityName(id), site.Content.Municipalities.GetValueOrDefault(id)?.Website);

    public PublicityLabel? LabelFor(string? projectId) =>
        projectId is null ? null : labels.GetOrAdd(projectId, id =>
            site.Content.Projects.TryGetValue(id, out var project) ? PublicityLabel.For(project, language, site.Settings) : null);

    /// <summary>The stories about a project, oldest first.</summary>
    private IReadOnlyList<Story> StoriesAbout(Project project) => site.StoriesByProject[project.Id];

    /// <summary>The stories about a project as its page and its embeddable list show them: one list, taken by both.</summary>
    public ItemList ItemsAbout(Project project) =>
        Shared($"items {project.Id}", ProjectListings, () => new ItemList(StoriesAbout(project).Select(Item)));

    /// <summary>The files of a language that list a project's stories: its page and its embeddable list.</summary>
    private const int ProjectListings = 2;

    /// <summary>
    /// The label's view, one for all the labels alike: the projects of a programme share a few labels, so each is
    /// rendered once (<see cref="ISharedView"/>) rather than on every page about a project.
    /// </summary>
    private PublicityLabelView Label(PublicityLabel label) =>
        labelViews.GetOrAdd((label.Programme, label.Language, label.Statement, string.Join('\n', label.FundReferences), label.Slogan, label.Logo), _ => NewLabel(label));

    private PublicityLabelView NewLabel(PublicityLabel label)
    {
        var logo = label.Logo is { Size: var (width, height) } l
            ? new LogoView(Href(l.OutputPath), (int)Math.Round((double)EuEmblem.DisplayHeight * width / height), EuEmblem.DisplayHeight, l.Alt, l.AltLanguage)
            : null;
        var before = NationalLogos.GoesBeforeEmblem(label.Programme);
        return new PublicityLabelView(label.Language, label.Programme, emblems.GetOrAdd(label.Statement, statement => new Html(EuEmblem.Svg(statement))), label.Statement,
            label.FundReferences, label.Slogan, before ? logo : null, before ? null : logo);
    }

    public string LanguageName(string lang) => ui.NameOf(lang);

    /// <summary>The order of names in this language (CLDR collation: in Latvian, Ādaži among the A's and Č after C).</summary>
    private readonly StringComparer collation = StringComparer.Create(ui.Format.Culture, ignoreCase: false);

    /// <summary>Municipalities sorted by their names in this language.</summary>
    public IEnumerable<Municipality> ByName(IEnumerable<Municipality> municipalities) =>
        municipalities.OrderBy(m => MunicipalityName(m.Id), collation).ThenBy(m => m.Id, StringComparer.Ordinal);

    public string MunicipalityName(string id) =>
        site.Content.Municipalities.TryGetValue(id, out var m) ? m.Name.For(language, defaultLanguage) ?? id : id;

    public Html MunicipalityText(string id) => Marked(MunicipalityName(id), MunicipalityLanguage(id));

    public LinkView MunicipalityLink(string id) => new(Href(Urls.Municipality(language, id)), MunicipalityName(id), MunicipalityLanguage(id));

    private string? MunicipalityLanguage(string id) =>
        site.Content.Municipalities.TryGetValue(id, out var m) ? LanguageOfText(m.Name) : null;

    public ItemView Item(Story story)
    {
        var a = story.For(language);
        var other = a.Language != language;
        return new ItemView(Href(Urls.Announcement(a)), a.Title, Format.Date(a.Date), Iso(a.Date),
            Summary(a), ui[$"kind.{AnnouncementKinds.NameOf(a.Kind)}"], MunicipalityText(a.MunicipalityId),
            other ? a.Language : null, other ? ui.NoteOn(a.Language) : null, a.Draft, Scheduled(a));
    }

    public AccessibilityView AccessibilityStatement(AccessibilitySettings statement)
    {
        Html Text(LocalizedText text) => Marked(text.For(language, defaultLanguage) ?? "", LanguageOfText(text));
        DateView Date(DateOnly date) => new(Format.Date(date), Iso(date));
        return new AccessibilityView(statement.Status, statement.Exceptions.Select(Text).ToList(), statement.Assessment,
            site.Settings.BaseUrl.AbsoluteUri, statement.Email, statement.Phone, statement.ContactUrl?.AbsoluteUri,
            Text(statement.EnforcementName), statement.EnforcementUrl?.AbsoluteUri,
            Date(statement.Prepared), statement.Reviewed is { } reviewed ? Date(reviewed) : null);
    }

    public SearchPageView SearchPage() => new(Href(Urls.Search(language)), Href(Urls.SearchIndex(language)), Format.Culture.Name,
        ui.PluralForms("search.results").Select(f => new PluralFormView(f.Category, f.Text)).ToList());

    /// <summary>The search page's data: the versions this language lists, and the names they refer to, as its pages word them.</summary>
    public SearchIndex SearchIndex(IEnumerable<Announcement> listed)
    {
        var entries = listed.Select(a => new SearchEntry(Href(Urls.Announcement(a)), a.Title, Summary(a), Iso(a.Date), Format.Date(a.Date),
            a.MunicipalityId, AnnouncementKinds.NameOf(a.Kind), a.ProjectId is { } id && site.Content.Projects.ContainsKey(id) ? id : null,
            a.Tags, OtherLanguage(a.Language))).ToList();
        return new SearchIndex(language,
            entries.Select(e => e.Municipality).Distinct().ToDictionary(id => id, id => new SearchName(MunicipalityName(id), MunicipalityLanguage(id))),
            AnnouncementKinds.Names.ToDictionary(kind => kind, kind => ui[$"kind.{kind}"]),
            entries.Select(e => e.Project).OfType<string>().Distinct().Select(id => site.Content.Projects[id]).ToDictionary(p => p.Id, p => new SearchName(ProjectName(p), ProjectNameLanguage(p))),
            entries.Select(e => e.Language).OfType<string>().Distinct().ToDictionary(l => l, ui.NoteOn),
            entries);
    }

    public string Summary(Announcement a) => a.Summary ?? bodies[a].FirstParagraph;

    public string BodyHtml(Announcement a) => bodies[a].Html;

    public AnnouncementView Announcement(Story story)
    {
        var a = story.Versions[language];
        var translations = story.Versions.Values.Where(v => v.Language != language)
            .OrderBy(v => site.Settings.Languages.ToList().IndexOf(v.Language))
            .Select(v => new LinkView(Href(Urls.Announcement(v)), LanguageName(v.Language), v.Language)).ToList();
        return new AnnouncementView(a.Title, Format.Date(a.Date), Iso(a.Date),
            a.Updated is { } u ? Format.Date(u) : null, a.Updated is { } u2 ? Iso(u2) : null,
            ui[$"kind.{AnnouncementKinds.NameOf(a.Kind)}"],
            MunicipalityLink(a.MunicipalityId),
            a.Author is null ? null : a.Author.Role is null ? a.Author.Name : $"{a.Author.Name}, {a.Author.Role}",
            a.Tags, bodies[a].Body,
            a.ProjectId is not null && site.Content.Projects.TryGetValue(a.ProjectId, out var p) ? Project(p) : null,
            translations,
            story.MissedUpdate(a) is { } changed
                ? new StaleNoteView(Format.Date(changed), Iso(changed),
                    new LinkView(Href(Urls.Announcement(story.Original)), ui.NoteOn(story.Original.Language), story.Original.Language))
                : null,
            a.Draft, Scheduled(a));
    }

    private ScheduledView? Scheduled(Announcement a) => a.Date > site.Today ? new ScheduledView(Format.Date(a.Date), Iso(a.Date)) : null;

    /// <summary>
    /// The project's facts, one view shared by the pages about it (its page, its embeddable list and its announcements'
    /// pages) until the last of them has taken it: its facts card is rendered once (<see cref="ISharedView"/>).
    /// </summary>
    public ProjectView Project(Project p) =>
        pagesAbout.GetValueOrDefault(p.Id) is var takers and > 1 ? Shared($"project {p.Id}", takers, () => NewProject(p)) : NewProject(p);

    private ProjectView NewProject(Project p)
    {
        var budget = p.Budget;
        var eu = budget.EuAmount;
        var nonEligible = budget.NonEligibleAmount;
        var measureName = site.Content.Measures.TryGetValue(p.MeasureCode, out var m) ? m.Name.For(language, defaultLanguage) : null;
        var facilitiesLanguage = OtherLanguage(p.FacilitiesLanguage(language, defaultLanguage));
        return new ProjectView(
            p.Id,
            ProjectName(p),
            ProjectNameLanguage(p),
            Href(Urls.Project(language, p.Id)),
            p.Beneficiary.For(language, defaultLanguage) is { } beneficiary ? Marked(beneficiary, LanguageOfText(p.Beneficiary)) : MunicipalityText(p.MunicipalityId),
            MunicipalityLink(p.MunicipalityId),
            p.Programme.Replace('-', '–'),
            new LinkView(Href(Urls.Measure(language, p.MeasureCode)), measureName is null ? p.MeasureCode : $"{p.MeasureCode} {measureName}", m is null ? null : LanguageOfText(m.Name)),
            p.Funds.Select(f => new LinkView(Href(Urls.Fund(language, f)), ui[$"fund.{f}"])).ToList(),
            Format.Date(p.Start), Iso(p.Start), Format.Date(p.End), Iso(p.End),
            ui[$"status.{p.StatusOn(site.Today).ToString().ToLowerInvariant()}"],
            Format.Money(budget.Total, budget.Currency),
            budget.Sources.Zip(p.SourceNotesFor(language, defaultLanguage), (s, note) => new FundingSourceView(
                SourceLabel(s.Source), Format.Money(s.Amount, budget.Currency), Format.Percent(Money.Share(s.Amount, budget.Total)), s.Eligible, note)).ToList(),
            OtherLanguage(p.SourceNotesLanguage(language, defaultLanguage)),
            Format.Money(eu, budget.Currency),
            Format.Percent(Money.Share(eu, budget.Total)),
            nonEligible > 0 ? Format.Money(nonEligible, budget.Currency) : null,
            p.FacilitiesFor(language, defaultLanguage).Select(f => new FacilityView(
                Marked(f.Place, facilitiesLanguage), f.Places)).ToList(),
            p.Aims.For(language, defaultLanguage),
            LanguageOfText(p.Aims),
            p.Results.For(language, defaultLanguage),
            LanguageOfText(p.Results));
    }

    /// <summary>The project as the open data lists carry it, with the announcements about it that are published in this language's lists.</summary>
    public ProjectRecord ProjectRecord(Project p)
    {
        var budget = p.Budget;
        var facilities = p.FacilitiesFor(language, defaultLanguage);
        return new ProjectRecord(
            p.Id,
            ProjectName(p),
            p.Beneficiary.For(language, defaultLanguage) ?? MunicipalityName(p.MunicipalityId),
            p.MunicipalityId,
            MunicipalityName(p.MunicipalityId),
            site.Settings.Country,
            facilities.Count > 0 ? facilities.Select(f => f.Place).ToList() : [MunicipalityName(p.MunicipalityId)],
            p.Programme,
            p.Funds,
            p.MeasureCode,
            site.Content.Measures.TryGetValue(p.MeasureCode, out var m) ? m.Name.For(language, defaultLanguage) ?? "" : "",
            p.Start,
            p.End,
            p.StatusOn(site.Today),
            budget.Currency,
            budget.Total,
            budget.EuAmount,
            Money.Share(budget.EuAmount, budget.Total),
            budget.NonEligibleAmount,
            budget.Sources.Select(s => new SourceRecord(s.Source, SourceLabel(s.Source), s.Amount, s.Eligible)).ToList(),
            Absolute(Urls.Project(language, p.Id)),
            site.StoriesByProject.GetValueOrDefault(p.Id, []).Select(story => story.For(language)).Where(Published)
                .Select(a => Absolute(Urls.Announcement(a))).ToList());
    }

    /// <summary>
    /// Whether an announcement may leave the site in a feed or data file: not a draft, not dated after the build
    /// date. A build shows only these; <c>serve</c> previews the others, but never in what readers keep.
    /// </summary>
    public bool Published(Announcement a) => a.IsPublishedOn(site.Today);

    private string ProjectName(Project p) => p.Name.For(language, defaultLanguage) ?? p.Id;

    private string? ProjectNameLanguage(Project p) => OtherLanguage(p.Name.LanguageOf(language, defaultLanguage));

    /// <summary>A link to a project's page, by its number and name.</summary>
    public LinkView ProjectLink(Project p) => new(Href(Urls.Project(language, p.Id)), $"{p.Id} {ProjectName(p)}", ProjectNameLanguage(p));

    public ProjectListEntryView ProjectEntry(Project p) => new(
        Href(Urls.Project(language, p.Id)), p.Id, ProjectName(p),
        ProjectNameLanguage(p), MunicipalityText(p.MunicipalityId),
        $"{Format.Date(p.Start)} – {Format.Date(p.End)}",
        ui[$"status.{p.StatusOn(site.Today).ToString().ToLowerInvariant()}"],
        site.StoriesByProject.GetValueOrDefault(p.Id, []).Count);

    public PagerView Pager(string municipalityId, int current, int total)
    {
        string PageHref(int n) => Href(Urls.Municipality(language, municipalityId, n));
        return new PagerView(current, total,
            current > 1 ? PageHref(current - 1) : null,
            current < total ? PageHref(current + 1) : null,
            Enumerable.Range(1, total).Select(n => new LinkView(PageHref(n), n.ToString(CultureInfo.InvariantCulture))).ToList());
    }

    private string SourceLabel(string source) =>
        Funds.IsEuFund(source) ? ui[$"fund.{source}"] : ui[$"source.{source}"];

    private string? OtherLanguage(string? lang) => lang is not null && lang != language ? lang : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
