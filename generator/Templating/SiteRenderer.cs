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
/// <c>serve</c> only those a browser asks for.
/// </summary>
/// <param name="Kind">What the file is, for the build summary: a page kind (home, announcement, …), feed, asset, ….</param>
/// <param name="Language">The language of the file; null for files of the whole site.</param>
/// <param name="Template">For an HTML page: the layout that makes it, where an audit failure is reported.</param>
/// <param name="About">For a page about a project: what the audit must find on it.</param>
/// <param name="Sitemap">For a page the sitemap lists: makes its entry.</param>
/// <param name="Make">Makes the file, reporting template errors to the bag it is given.</param>
public sealed record PlannedFile(string Path, string Kind, string? Language, Func<DiagnosticBag, OutputFile> Make,
    string? Template = null, AboutProject? About = null, Func<SitemapEntry>? Sitemap = null)
{
    public RenderedPage? Page(OutputFile made) => Template is null ? null : new RenderedPage(made, Template, About);

    public SiteFile Describe() => new(Path, Kind, Language, Template is not null);
}

/// <summary>
/// The Render stage: plans every page of every language, the feeds, the sitemap and the static files, each
/// to be made on its own (in parallel by a build, on request by <c>serve</c>).
/// </summary>
public sealed class SiteRenderer(TemplateCatalog templates, IReadOnlyDictionary<string, UiStrings> ui, string templatesDirectory)
{
    private readonly TemplateRenderer renderer = new(templates);

    public IReadOnlyList<PlannedFile> Plan(SiteModel site, RenderedBodies bodies)
    {
        var plan = new List<PlannedFile>();
        var settings = site.Settings;
        var projectsByMunicipality = site.Projects.ToLookup(p => p.MunicipalityId);

        foreach (var language in settings.Languages)
        {
            var views = new ViewFactory(site, language, ui[language], bodies);
            var strings = ui[language];
            void Page(string kind, Func<string, string?> pathIn, string template, Func<PageView> page, Func<object> model, AboutProject? about = null)
            {
                plan.Add(new PlannedFile(pathIn(language) + "index.html", kind, language,
                    found => OutputFile.Text(pathIn(language) + "index.html", renderer.RenderPage(template, page(), model(), strings, found)),
                    template, about, () => views.SitemapEntry(pathIn)));
            }
            // The list of a full page for other sites to frame. It stands for that page, which is its canonical
            // address, and is left out of the sitemap. A project's carries the project's EU label and facts card:
            // framed on the beneficiary's website, it is that website's publicity about the project.
            void Embed(string title, Func<string, string?> fullPageIn, Func<EmbedView> model, AboutProject? about = null)
            {
                var path = Urls.Embed(fullPageIn(language)!) + "index.html";
                plan.Add(new PlannedFile(path, "embed", language, found => OutputFile.Text(path, renderer.RenderPage("layouts/embed",
                    views.Page(title, "embed", fullPageIn, withFeeds: false, publicity: about?.Label), model(), strings, found, layout: "layouts/embed-base")),
                    "layouts/embed", about));
            }
            Page("home", Urls.Home, "layouts/home", () => views.Page(views.SiteTitle, "home", Urls.Home),
                () => new HomeView(
                    views.ByName(site.Municipalities).Select(m => new MunicipalityEntryView(views.MunicipalityText(m.Id),
                        views.Href(Urls.Municipality(language, m.Id)), site.StoriesByMunicipality.GetValueOrDefault(m.Id, []).Count, m.Dissolved is not null)).ToList(),
                    site.Stories.Take(settings.PageSize).Select(views.Item).ToList(),
                    site.Projects.Select(views.ProjectLink).ToList()));

            foreach (var municipality in site.Municipalities)
            {
                var stories = site.StoriesByMunicipality.GetValueOrDefault(municipality.Id, []);
                var pageCount = Math.Max(1, (stories.Count + settings.PageSize - 1) / settings.PageSize);
                var name = views.MunicipalityName(municipality.Id);
                for (var n = 1; n <= pageCount; n++)
                {
                    var number = n;
                    string? PathIn(string l) => Urls.Municipality(l, municipality.Id, number);
                    Page("municipality", PathIn, "layouts/municipality",
                        () => views.Page(number == 1 ? name : $"{name} ({string.Format(strings.Format.Culture, strings["pager.page_of"], number, pageCount)})",
                            "municipality", PathIn, feedMunicipality: municipality.Id),
                        () => Municipality(views, site, municipality, stories.Skip((number - 1) * settings.PageSize).Take(settings.PageSize), number, pageCount, language));
                }
                Embed(name, l => Urls.Municipality(l, municipality.Id),
                    () => new EmbedView(views.MunicipalityLink(municipality.Id), stories.Take(settings.PageSize).Select(views.Item).ToList(), null));
                AddFeeds(plan, views, site, language, municipality.Id, name, stories);
                AddProjectData(plan, views, language, municipality.Id, projectsByMunicipality[municipality.Id]);
            }

            foreach (var story in site.Stories.Where(s => s.Versions.ContainsKey(language)))
            {
                var a = story.Versions[language];
                var label = views.LabelFor(a.ProjectId);
                string? PathIn(string l) => story.Versions.TryGetValue(l, out var v) ? Urls.Announcement(v) : null;
                Page("announcement", PathIn, "layouts/announcement",
                    () => views.Page(a.Title, "announcement", PathIn, views.Summary(a), a.MunicipalityId, publicity: label, article: a),
                    () => views.Announcement(story), label is null ? null : new AboutProject(a.ProjectId!, label));
            }

            foreach (var project in site.Projects)
            {
                var label = views.LabelFor(project.Id)!;
                var name = project.Name.For(language, settings.DefaultLanguage) ?? project.Id;
                string? PathIn(string l) => Urls.Project(l, project.Id);
                var about = new AboutProject(project.Id, label);
                Page("project", PathIn, "layouts/project",
                    () => views.Page(name, "project", PathIn,
                        project.Aims.For(language, settings.DefaultLanguage), publicity: label),
                    () => new ProjectPageView(views.Project(project), site.StoriesByProject[project.Id].Select(views.Item).ToList()),
                    about);
                Embed(name, PathIn,
                    () => new EmbedView(views.ProjectLink(project), site.StoriesByProject[project.Id].Select(views.Item).ToList(), views.Project(project)),
                    about);
            }

            foreach (var (fund, projects) in site.ProjectsByFund.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                string? PathIn(string l) => Urls.Fund(l, fund);
                Page("fund", PathIn, "layouts/projects", () => views.Page(strings[$"fund.{fund}"], "fund", PathIn),
                    () => new ProjectListView(strings[$"fund.{fund}"], fund, projects.Select(views.ProjectEntry).ToList()));
            }

            foreach (var (code, projects) in site.ProjectsByMeasure.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var name = site.Content.Measures[code].Name.For(language, settings.DefaultLanguage) ?? code;
                string? PathIn(string l) => Urls.Measure(l, code);
                Page("measure", PathIn, "layouts/projects", () => views.Page($"{code} {name}", "measure", PathIn),
                    () => new ProjectListView(name, code, projects.Select(views.ProjectEntry).ToList()));
            }

            AddFeeds(plan, views, site, language, null, views.SiteTitle, site.Stories);
            AddProjectData(plan, views, language, null, site.Projects);
            Page("search", Urls.Search, "layouts/search", () => views.Page(strings["search.title"], "search", Urls.Search), views.SearchPage);
            if (settings.Accessibility is { } statement)
                Page("accessibility", Urls.Accessibility, "layouts/accessibility",
                    () => views.Page(strings["accessibility.title"], "accessibility", Urls.Accessibility), () => views.AccessibilityStatement(statement));
            var index = Urls.SearchIndex(language);
            plan.Add(new PlannedFile(index, "search-index", language, _ => new OutputFile(index, SearchIndexWriter.Write(views.SearchIndex(
                site.Stories.Select(s => s.PublishedFor(language, settings.Languages, site.Today)).OfType<Announcement>())))));
            plan.Add(NotFound(site, views, language, l => $"{l}/404.html"));
        }

        var defaultUi = ui[settings.DefaultLanguage];
        var defaultViews = new ViewFactory(site, settings.DefaultLanguage, defaultUi, bodies);
        plan.Add(new PlannedFile("index.html", "chooser", null, found => OutputFile.Text("index.html", renderer.RenderPage("layouts/chooser",
            defaultViews.Page(defaultViews.SiteTitle, "chooser", _ => "", withFeeds: false), Chooser(site, defaultViews), defaultUi, found)), "layouts/chooser"));
        plan.Add(NotFound(site, defaultViews, null, _ => "404.html"));

        var listed = plan.Select(p => p.Sitemap).OfType<Func<SitemapEntry>>().ToList();
        plan.Add(new PlannedFile("sitemap.xml", "sitemap", null, _ => OutputFile.Text("sitemap.xml",
            SitemapWriter.Write(listed.Select(entry => entry()).OrderBy(e => e.Url, StringComparer.Ordinal)))));
        plan.Add(new PlannedFile("robots.txt", "robots", null, _ => OutputFile.Text("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {settings.BaseUrl.AbsoluteUri}sitemap.xml\n")));
        plan.AddRange(StaticAssets().Select(a => Copy(a.Path, "asset", a.From)));
        plan.AddRange(site.Content.Attachments.Select(a => Copy(a.OutputPath, "attachment", a.FullPath)));
        plan.AddRange(settings.Publicity.Logos.Values.Where(l => l.Size is not null).Select(l => Copy(l.OutputPath, "logo", l.FullPath)));
        return plan;
    }

    /// <summary>The languages' home pages, named in the page's language.</summary>
    private static ChooserView Chooser(SiteModel site, ViewFactory views) =>
        new(site.Settings.Languages.Select(l => new LanguageLinkView(l, views.LanguageName(l), views.Href(Urls.Home(l)), false, true)).ToList());

    /// <summary>A not-found page: one per language (<c>/en/404.html</c>), and <c>/404.html</c> in the default language for the whole site.</summary>
    private PlannedFile NotFound(SiteModel site, ViewFactory views, string? language, Func<string, string> pathIn)
    {
        var lang = language ?? site.Settings.DefaultLanguage;
        var path = pathIn(lang);
        return new PlannedFile(path, "404", language, found => OutputFile.Text(path, renderer.RenderPage("layouts/404",
            views.Page(ui[lang]["notfound.title"], "404", pathIn, withFeeds: false), Chooser(site, views), ui[lang], found)), "layouts/404");
    }

    private static PlannedFile Copy(string path, string kind, string from) => new(path, kind, null, _ => new OutputFile(path, null, from));

    private MunicipalityView Municipality(ViewFactory views, SiteModel site, Municipality m, IEnumerable<Story> stories, int number, int pageCount, string language)
    {
        var successor = m.Successor is { } s && site.Content.Municipalities.ContainsKey(s) ? views.MunicipalityLink(s) : null;
        return new MunicipalityView(views.MunicipalityText(m.Id), m.Website, successor,
            m.Dissolved is { } d ? ui[language].Format.Date(d) : null,
            views.ByName(site.PredecessorsOf(m.Id)).Select(p => views.MunicipalityLink(p.Id)).ToList(),
            stories.Select(views.Item).ToList(), views.Pager(m.Id, number, pageCount));
    }

    /// <summary>The Atom and JSON feeds of a language, or of a municipality in it: the newest published announcements written in that language.</summary>
    private void AddFeeds(List<PlannedFile> plan, ViewFactory views, SiteModel site, string language, string? municipalityId, string title, IReadOnlyList<Story> stories)
    {
        var page = views.Absolute(municipalityId is null ? Urls.Home(language) : Urls.Municipality(language, municipalityId));
        // Made once for both formats, when the first of them is made: an entry's body is parsed to make its links absolute.
        var entries = new Lazy<List<FeedEntry>>(() => stories.Where(s => s.Versions.ContainsKey(language)).Select(s => s.Versions[language])
            .Where(views.Published).Take(site.Settings.PageSize)
            .Select(a => Entry(views, a)).ToList());
        FeedHead Head(string path) => new(title, title, views.Absolute(path), page, language);
        var atom = Urls.Feed(language, municipalityId, "xml");
        var json = Urls.Feed(language, municipalityId, "json");
        plan.Add(new PlannedFile(atom, "feed", language, _ => OutputFile.Text(atom, FeedWriter.Atom(Head(atom), entries.Value))));
        plan.Add(new PlannedFile(json, "feed", language, _ => OutputFile.Text(json, FeedWriter.Json(Head(json), entries.Value))));
    }

    /// <summary>The open data lists of a language's projects, or of a municipality's: CSV and JSON.</summary>
    private static void AddProjectData(List<PlannedFile> plan, ViewFactory views, string language, string? municipalityId, IEnumerable<Project> projects)
    {
        var records = new Lazy<List<ProjectRecord>>(() => projects.Select(views.ProjectRecord).ToList());
        var csv = Urls.ProjectData(language, municipalityId, "csv");
        var json = Urls.ProjectData(language, municipalityId, "json");
        plan.Add(new PlannedFile(csv, "data", language, _ => OutputFile.Text(csv, ProjectData.Csv(records.Value))));
        plan.Add(new PlannedFile(json, "data", language, _ => OutputFile.Text(json, ProjectData.Json(language, records.Value))));
    }

    private FeedEntry Entry(ViewFactory views, Announcement a)
    {
        var url = views.Absolute(Urls.Announcement(a));
        return new FeedEntry(url, url, a.Title, views.Summary(a), AbsoluteLinks.Rewrite(views.BodyHtml(a), new Uri(url)), a.Date, a.LastChanged,
            a.Language, a.Author?.Name, [ui[a.Language][$"kind.{AnnouncementKinds.NameOf(a.Kind)}"], .. a.Tags]);
    }

    private IEnumerable<(string Path, string From)> StaticAssets()
    {
        var assets = Path.Join(templatesDirectory, "assets");
        if (!Directory.Exists(assets)) yield break;
        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return ("assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/'), file);
    }
}
