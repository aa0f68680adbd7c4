using Vestis.Diagnostics;
using Vestis.Feeds;
using Vestis.I18n;
using Vestis.Markdown;
using Vestis.Model;
using Vestis.Output;
using Vestis.Publicity;
using Vestis.Search;

namespace Vestis.Templating;

/// <summary>An HTML page and the project it is about, if any, whose EU label and facts card it must carry.</summary>
/// <param name="Template">The layout that made the page, where an audit failure is reported.</param>
public sealed record RenderedPage(OutputFile File, string Template, AboutProject? About);

public sealed record AboutProject(string ProjectId, PublicityLabel Label);

/// <summary>A page's entry in the sitemap: its address and its translations'.</summary>
public sealed record SitemapEntry(string Url, IReadOnlyList<AlternateView> Alternates);

/// <summary>
/// A file of the site, known by its path before it is made, so that a build makes all of them and
/// <c>serve</c> only those a browser asks for. What makes it is given the site it belongs to rather than
/// holding on to one, so that the file of an unchanged story or project serves the next plan too.
/// </summary>
/// <param name="Kind">What the file is, for the build summary: a page kind (home, announcement, …), feed, asset, ….</param>
/// <param name="Language">The language of the file; null for files of the whole site.</param>
/// <param name="Make">Makes the file, reporting template errors to the bag it is given.</param>
/// <param name="Template">For an HTML page: the layout that makes it, where an audit failure is reported.</param>
/// <param name="AboutProject">For a page about a project: the project's id, whose EU label and facts card the audit must find on it.</param>
/// <param name="Sitemap">For a page the sitemap lists: its path in each language (null where it has none).</param>
/// <param name="WholeSite">Made from every story, project or page of a language or the site (sitemaps, search indexes, the site's feeds
/// and lists): the largest files, each taking a worker for a while.</param>
public sealed record PlannedFile(string Path, string Kind, string? Language, Func<PlannedSite, DiagnosticBag, OutputFile> Make,
    string? Template = null, string? AboutProject = null, Func<string, string?>? Sitemap = null, bool WholeSite = false)
{
    public SiteFile Describe() => new(Path, Kind, Language, Template is not null);
}

/// <summary>The files a plan made for each story, project and attachment, which the next plan reuses while these are the same instances.</summary>
public sealed class PlannedParts
{
    public MadeFrom<Story> Stories { get; } = new();

    public MadeFrom<Project> Projects { get; } = new();

    public MadeFrom<Attachment> Attachments { get; } = new();
}

/// <summary>
/// The Render stage: plans every page of every language, the feeds, the sitemap and the static files, each
/// to be made on its own (in parallel by a build, on request by <c>serve</c>).
/// </summary>
public static class SiteRenderer
{
    /// <summary>Feeds are made as Atom and JSON, project lists as CSV and JSON, from entries shared by both.</summary>
    private const int BothFormats = 2;

    /// <param name="earlier">
    /// The files of each story, project and attachment an earlier plan made, reused while these are the same
    /// instances (they are the bulk of a site; the rest is planned again).
    /// </param>
    /// <param name="sitemapLimit">The most addresses one sitemap lists (the protocol's limit; smaller in tests).</param>
    public static IReadOnlyList<PlannedFile> Plan(SiteModel site, string templatesDirectory, PlannedParts? earlier = null, int sitemapLimit = SitemapWriter.MaxUrls)
    {
        var plan = new List<PlannedFile>();
        var settings = site.Settings;
        var languages = settings.Languages;
        var projectsByMunicipality = site.Projects.ToLookup(p => p.MunicipalityId);
        static T Kept<TSource, T>(MadeFrom<TSource>? cache, TSource source, object?[] others, Func<TSource, T> make) where TSource : class where T : class =>
            cache is null ? make(source) : cache.Get(source, others, source, make);
        // The files of stories, projects and attachments outlive this plan, so what makes them takes the model from
        // the site it is given; the others are planned anew each time and may use this plan's model.
        object?[] settingsOnly = [settings];
        var storyPages = (Story story) => AnnouncementPages(story, languages);
        var projectPages = (Project project) => ProjectPages(project, languages);
        var stories = site.Stories.Select(s => Kept(earlier?.Stories, s, settingsOnly, storyPages)).ToList();
        var projects = site.Projects.Select(p => Kept(earlier?.Projects, p, settingsOnly, projectPages)).ToList();
        var projectIds = site.Projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        for (var l = 0; l < languages.Count; l++)
        {
            var language = languages[l];
            plan.Add(Page("home", language, Urls.Home, "layouts/home", v => v.Page(v.SiteTitle, "home", Urls.Home),
                v => new HomeView(
                    v.ByName(site.Municipalities).Select(m => new MunicipalityEntryView(v.MunicipalityText(m.Id),
                        v.Href(Urls.Municipality(language, m.Id)), site.StoriesByMunicipality.GetValueOrDefault(m.Id, []).Count, m.Dissolved is not null)).ToList(),
                    site.Stories.Take(settings.PageSize).Select(v.Item).ToList(),
                    site.Projects.Select(v.ProjectLink).ToList())));

            foreach (var municipality in site.Municipalities)
            {
                var ofMunicipality = site.StoriesByMunicipality.GetValueOrDefault(municipality.Id, []);
                var pageCount = Math.Max(1, (ofMunicipality.Count + settings.PageSize - 1) / settings.PageSize);
                for (var n = 1; n <= pageCount; n++)
                {
                    var number = n;
                    string? PathIn(string lang) => Urls.Municipality(lang, municipality.Id, number);
                    plan.Add(Page("municipality", language, PathIn, "layouts/municipality",
                        v => v.Page(number == 1 ? v.MunicipalityName(municipality.Id)
                                : $"{v.MunicipalityName(municipality.Id)} ({string.Format(v.Ui.Format.Culture, v.Ui["pager.page_of"], number, pageCount)})",
                            "municipality", PathIn, feedMunicipality: municipality.Id),
                        v => Municipality(v, site, municipality, ofMunicipality.Skip((number - 1) * settings.PageSize).Take(settings.PageSize), number, pageCount)));
                }
                plan.Add(Embed(language, v => v.MunicipalityName(municipality.Id), lang => Urls.Municipality(lang, municipality.Id),
                    v => new EmbedView(v.MunicipalityLink(municipality.Id), ofMunicipality.Take(settings.PageSize).Select(v.Item).ToList(), null)));
                AddFeeds(plan, site, language, municipality.Id, v => v.MunicipalityName(municipality.Id), ofMunicipality);
                AddProjectData(plan, language, municipality.Id, projectsByMunicipality[municipality.Id]);
            }

            // The pages about a project come one after another, its own and then its announcements': they share its view
            // (ViewFactory.Project), which goes once the last of them has taken it, so few are held at a time.
            var announcements = stories.Select(s => s[l]).OfType<PlannedFile>().ToList();
            var aboutProject = announcements.Where(f => f.AboutProject is not null).ToLookup(f => f.AboutProject!);
            plan.AddRange(announcements.Where(f => f.AboutProject is null || !projectIds.Contains(f.AboutProject)));
            for (var p = 0; p < projects.Count; p++)
            {
                plan.AddRange(projects[p][l]);
                plan.AddRange(aboutProject[site.Projects[p].Id]);
            }

            foreach (var (fund, projectsOfFund) in site.ProjectsByFund.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                string? PathIn(string lang) => Urls.Fund(lang, fund);
                plan.Add(Page("fund", language, PathIn, "layouts/projects", v => v.Page(v.Ui[$"fund.{fund}"], "fund", PathIn),
                    v => new ProjectListView(v.Ui[$"fund.{fund}"], fund, projectsOfFund.Select(v.ProjectEntry).ToList())));
            }

            foreach (var (code, projectsOfMeasure) in site.ProjectsByMeasure.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                string MeasureName(string lang) => site.Content.Measures[code].Name.For(lang, settings.DefaultLanguage) ?? code;
                string? PathIn(string lang) => Urls.Measure(lang, code);
                plan.Add(Page("measure", language, PathIn, "layouts/projects", v => v.Page($"{code} {MeasureName(language)}", "measure", PathIn),
                    v => new ProjectListView(MeasureName(language), code, projectsOfMeasure.Select(v.ProjectEntry).ToList())));
            }

            AddFeeds(plan, site, language, null, v => v.SiteTitle, site.Stories);
            AddProjectData(plan, language, null, site.Projects);
            plan.Add(Page("search", language, Urls.Search, "layouts/search", v => v.Page(v.Ui["search.title"], "search", Urls.Search), v => v.SearchPage()));
            if (settings.Accessibility is { } statement)
                plan.Add(Page("accessibility", language, Urls.Accessibility, "layouts/accessibility",
                    v => v.Page(v.Ui["accessibility.title"], "accessibility", Urls.Accessibility), v => v.AccessibilityStatement(statement)));
            var index = Urls.SearchIndex(language);
            plan.Add(new PlannedFile(index, "search-index", language, (s, _) => new OutputFile(index, SearchIndexWriter.Write(s.Views(language).SearchIndex(
                site.Stories.Select(story => story.PublishedFor(language, languages, site.Today)).OfType<Announcement>()))), WholeSite: true));
            plan.Add(NotFound(language, $"{language}/404.html", lang => $"{lang}/404.html"));
        }

        var defaultLanguage = settings.DefaultLanguage;
        plan.Add(new PlannedFile("index.html", "chooser", null, (s, found) =>
        {
            var v = s.Views(defaultLanguage);
            return new OutputFile("index.html", s.Renderer.RenderPage("layouts/chooser",
                v.Page(v.SiteTitle, "chooser", _ => "", withFeeds: false), Chooser(v, languages), v.Ui, found));
        }, "layouts/chooser"));
        plan.Add(NotFound(null, "404.html", _ => "404.html"));

        AddSitemaps(plan, plan.Count(f => f.Sitemap is not null), sitemapLimit, defaultLanguage);
        plan.Add(new PlannedFile("robots.txt", "robots", null, (_, _) => OutputFile.Text("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {settings.BaseUrl.AbsoluteUri}sitemap.xml\n")));
        plan.AddRange(StaticAssets(templatesDirectory).Select(a => Copy(a.Path, "asset", a.From)));
        plan.AddRange(site.Content.Attachments.Select(a => Kept(earlier?.Attachments, a, [], static a => Copy(a.OutputPath, "attachment", a.FullPath))));
        plan.AddRange(settings.Publicity.Logos.Values.Where(l => l.Size is not null).Select(l => Copy(l.OutputPath, "logo", l.FullPath)));
        return plan;
    }

    /// <summary>A story's page in each site language (null where the story has no version in it).</summary>
    private static PlannedFile?[] AnnouncementPages(Story story, IReadOnlyList<string> languages) =>
        languages.Select(language =>
        {
            if (!story.Versions.TryGetValue(language, out var a)) return null;
            string? PathIn(string l) => story.Versions.TryGetValue(l, out var v) ? Urls.Announcement(v) : null;
            return Page("announcement", language, PathIn, "layouts/announcement",
                v => v.Page(a.Title, "announcement", PathIn, v.Summary(a), a.MunicipalityId, publicity: v.LabelFor(a.ProjectId), article: a),
                v => v.Announcement(story), a.ProjectId);
        }).ToArray();

    /// <summary>A project's page and its embeddable list in each site language.</summary>
    private static PlannedFile[][] ProjectPages(Project project, IReadOnlyList<string> languages) =>
        languages.Select(language =>
        {
            string Name(ViewFactory v) => project.Name.For(language, v.DefaultLanguage) ?? project.Id;
            string? PathIn(string l) => Urls.Project(l, project.Id);
            return new[]
            {
                Page("project", language, PathIn, "layouts/project",
                    v => v.Page(Name(v), "project", PathIn, project.Aims.For(language, v.DefaultLanguage), publicity: v.LabelFor(project.Id)),
                    v => new ProjectPageView(v.Project(project), v.ItemsAbout(project)),
                    project.Id),
                Embed(language, Name, PathIn,
                    v => new EmbedView(v.ProjectLink(project), v.ItemsAbout(project), v.Project(project)),
                    project.Id),
            };
        }).ToArray();

    /// <summary>A page in <paramref name="language"/>, at its path there, listed in the sitemap with its translations.</summary>
    private static PlannedFile Page(string kind, string language, Func<string, string?> pathIn, string template,
        Func<ViewFactory, PageView> page, Func<ViewFactory, object> model, string? aboutProject = null)
    {
        var path = pathIn(language) + "index.html";
        return new PlannedFile(path, kind, language, (site, found) =>
        {
            var views = site.Views(language);
            return new OutputFile(path, site.Renderer.RenderPage(template, page(views), model(views), views.Ui, found));
        }, template, aboutProject, pathIn);
    }

    // The list of a full page for other sites to frame. It stands for that page, which is its canonical
    // address, and is left out of the sitemap. A project's carries the project's EU label and facts card:
    // framed on the beneficiary's website, it is that website's publicity about the project.
    private static PlannedFile Embed(string language, Func<ViewFactory, string> title, Func<string, string?> fullPageIn, Func<ViewFactory, EmbedView> model,
        string? aboutProject = null)
    {
        var path = Urls.Embed(fullPageIn(language)!) + "index.html";
        return new PlannedFile(path, "embed", language, (site, found) =>
        {
            var views = site.Views(language);
            return new OutputFile(path, site.Renderer.RenderPage("layouts/embed",
                views.Page(title(views), "embed", fullPageIn, withFeeds: false, publicity: aboutProject is null ? null : views.LabelFor(aboutProject)),
                model(views), views.Ui, found, layout: "layouts/embed-base"));
        }, "layouts/embed", aboutProject);
    }

    /// <summary>The languages' home pages, named in the page's language.</summary>
    private static ChooserView Chooser(ViewFactory views, IReadOnlyList<string> languages) =>
        new(languages.Select(l => new LanguageLinkView(l, views.LanguageName(l), views.Href(Urls.Home(l)), false, true)).ToList());

    /// <summary>A not-found page: one per language (<c>/en/404.html</c>), and <c>/404.html</c> in the default language for the whole site.</summary>
    private static PlannedFile NotFound(string? language, string path, Func<string, string> pathIn) =>
        new(path, "404", language, (site, found) =>
        {
            var views = site.Views(language ?? site.Site.Settings.DefaultLanguage);
            return new OutputFile(path, site.Renderer.RenderPage("layouts/404",
                views.Page(views.Ui["notfound.title"], "404", pathIn, withFeeds: false), Chooser(views, site.Site.Settings.Languages), views.Ui, found));
        }, "layouts/404");

    private static PlannedFile Copy(string path, string kind, string from) => new(path, kind, null, (_, _) => new OutputFile(path, null, from));

    private static MunicipalityView Municipality(ViewFactory views, SiteModel site, Municipality m, IEnumerable<Story> stories, int number, int pageCount)
    {
        var successor = m.Successor is { } s && site.Content.Municipalities.ContainsKey(s) ? views.MunicipalityLink(s) : null;
        return new MunicipalityView(views.MunicipalityText(m.Id), m.Website, successor,
            m.Dissolved is { } d ? views.Ui.Format.Date(d) : null,
            views.ByName(site.PredecessorsOf(m.Id)).Select(p => views.MunicipalityLink(p.Id)).ToList(),
            stories.Select(views.Item).ToList(), views.Pager(m.Id, number, pageCount));
    }

    /// <summary>The Atom and JSON feeds of a language, or of a municipality in it: the newest published announcements written in that language.</summary>
    private static void AddFeeds(List<PlannedFile> plan, SiteModel site, string language, string? municipalityId, Func<ViewFactory, string> title, IReadOnlyList<Story> stories)
    {
        var atom = Urls.Feed(language, municipalityId, "xml");
        var json = Urls.Feed(language, municipalityId, "json");
        // Made once for both formats, when the first of them is made: an entry's body is parsed to make its links absolute.
        List<FeedEntry> Entries(ViewFactory views) => views.Shared(atom, BothFormats, () => stories.Where(s => s.Versions.ContainsKey(language)).Select(s => s.Versions[language])
            .Where(views.Published).Take(site.Settings.PageSize)
            .Select(a => Entry(views, a)).ToList());
        FeedHead Head(ViewFactory views, string path)
        {
            var page = views.Absolute(municipalityId is null ? Urls.Home(language) : Urls.Municipality(language, municipalityId));
            return new(title(views), title(views), views.Absolute(path), page, language);
        }
        var wholeSite = municipalityId is null;
        plan.Add(new PlannedFile(atom, "feed", language, (s, _) => new OutputFile(atom, FeedWriter.Atom(Head(s.Views(language), atom), Entries(s.Views(language)))), WholeSite: wholeSite));
        plan.Add(new PlannedFile(json, "feed", language, (s, _) => new OutputFile(json, FeedWriter.Json(Head(s.Views(language), json), Entries(s.Views(language)))), WholeSite: wholeSite));
    }

    /// <summary>
    /// <c>sitemap.xml</c> listing every page the plan lists (all are planned before it); on a site with more pages
    /// than one sitemap may list, <c>sitemap.xml</c> is a sitemap index of <c>sitemap-1.xml</c>, <c>sitemap-2.xml</c>, ….
    /// </summary>
    private static void AddSitemaps(List<PlannedFile> plan, int listed, int limit, string defaultLanguage)
    {
        // Sorted by address, and only the addresses: each part makes the entries (with their alternates) of its own pages.
        IEnumerable<SitemapEntry> Entries(PlannedSite s, int skip) => s.Files.Where(f => f.Sitemap is not null)
            .Select(f => (File: f, Url: s.Views(f.Language!).AddressOf(f.Sitemap!))).OrderBy(x => x.Url, StringComparer.Ordinal)
            .Skip(skip).Take(limit).Select(x => s.Views(x.File.Language!).SitemapEntry(x.File.Sitemap!));
        if (listed <= limit)
        {
            plan.Add(new PlannedFile("sitemap.xml", "sitemap", null, (s, _) => new OutputFile("sitemap.xml", SitemapWriter.Write(Entries(s, 0))), WholeSite: true));
            return;
        }
        var parts = Enumerable.Range(1, (listed + limit - 1) / limit).Select(n => $"sitemap-{n}.xml").ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var (path, skip) = (parts[i], i * limit);
            plan.Add(new PlannedFile(path, "sitemap", null, (s, _) => new OutputFile(path, SitemapWriter.Write(Entries(s, skip))), WholeSite: true));
        }
        plan.Add(new PlannedFile("sitemap.xml", "sitemap", null, (s, _) => new OutputFile("sitemap.xml",
            SitemapWriter.Index(parts.Select(s.Views(defaultLanguage).Absolute)))));
    }

    /// <summary>The open data lists of a language's projects, or of a municipality's: CSV and JSON.</summary>
    private static void AddProjectData(List<PlannedFile> plan, string language, string? municipalityId, IEnumerable<Project> projects)
    {
        var csv = Urls.ProjectData(language, municipalityId, "csv");
        var json = Urls.ProjectData(language, municipalityId, "json");
        // Made once for both formats.
        List<ProjectRecord> Records(ViewFactory views) => views.Shared(csv, BothFormats, () => projects.Select(views.ProjectRecord).ToList());
        var wholeSite = municipalityId is null;
        plan.Add(new PlannedFile(csv, "data", language, (s, _) => new OutputFile(csv, ProjectData.Csv(Records(s.Views(language)))), WholeSite: wholeSite));
        plan.Add(new PlannedFile(json, "data", language, (s, _) => new OutputFile(json, ProjectData.Json(language, Records(s.Views(language)))), WholeSite: wholeSite));
    }

    private static FeedEntry Entry(ViewFactory views, Announcement a)
    {
        var url = views.Absolute(Urls.Announcement(a));
        return new FeedEntry(url, url, a.Title, views.Summary(a), AbsoluteLinks.Rewrite(views.BodyHtml(a), new Uri(url)), a.Date, a.LastChanged,
            a.Language, a.Author?.Name, [views.Ui[$"kind.{AnnouncementKinds.NameOf(a.Kind)}"], .. a.Tags]);
    }

    private static IEnumerable<(string Path, string From)> StaticAssets(string templatesDirectory)
    {
        var assets = Path.Join(templatesDirectory, "assets");
        if (!Directory.Exists(assets)) yield break;
        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return ("assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/'), file);
    }
}
