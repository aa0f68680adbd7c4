using System.Collections.Concurrent;
using Vestis.Diagnostics;
using Vestis.Feeds;
using Vestis.I18n;
using Vestis.Markdown;
using Vestis.Model;
using Vestis.Output;
using Vestis.Publicity;

namespace Vestis.Templating;

/// <summary>Everything the Render stage made: all files in output order, and the HTML pages among them for the audit.</summary>
public sealed record RenderedSite(IReadOnlyList<OutputFile> Files, IReadOnlyList<RenderedPage> Pages);

/// <summary>An HTML page and the project it is about, if any, whose EU label and facts card it must carry.</summary>
/// <param name="Template">The layout that made the page, where an audit failure is reported.</param>
public sealed record RenderedPage(OutputFile File, string Template, AboutProject? About);

public sealed record AboutProject(string ProjectId, PublicityLabel Label);

/// <summary>
/// The Render stage: every page of every language, the feeds, the sitemap and the static files.
/// Pages are independent, so they render in parallel; results are written by index, in a fixed order.
/// </summary>
public sealed class SiteRenderer(
    TemplateCatalog templates,
    IReadOnlyDictionary<string, UiStrings> ui,
    MarkdownRenderer markdown,
    string templatesDirectory,
    DiagnosticBag diagnostics,
    int maxParallelism)
{
    private readonly TemplateRenderer renderer = new(templates, diagnostics);

    public RenderedSite Render(SiteModel site)
    {
        var bodies = RenderBodies(site);
        var jobs = new List<Func<IEnumerable<OutputFile>>>();
        // Which jobs make an HTML page, and what the audit must find on it; the page is the job's only file.
        var pageJobs = new List<(int Job, string Template, AboutProject? About)>();
        void HtmlPage(string template, AboutProject? about, Func<OutputFile> render)
        {
            pageJobs.Add((jobs.Count, template, about));
            jobs.Add(() => [render()]);
        }
        var sitemap = new ConcurrentBag<(string Url, IReadOnlyList<AlternateView> Alternates)>();
        var settings = site.Settings;

        foreach (var language in settings.Languages)
        {
            var views = new ViewFactory(site, language, ui[language], bodies);
            var strings = ui[language];
            void Page(string path, string template, PageView page, object model, AboutProject? about = null)
            {
                HtmlPage(template, about, () =>
                {
                    sitemap.Add((page.Canonical, page.Alternates));
                    return OutputFile.Text(path + "index.html", renderer.RenderPage(template, page, model, strings));
                });
            }
            Page(Urls.Home(language), "layouts/home",
                views.Page(views.SiteTitle, "home", Urls.Home),
                new HomeView(
                    views.ByName(site.Municipalities).Select(m => new MunicipalityEntryView(views.MunicipalityText(m.Id),
                        views.Href(Urls.Municipality(language, m.Id)), site.StoriesByMunicipality.GetValueOrDefault(m.Id, []).Count, m.Dissolved is not null)).ToList(),
                    site.Stories.Take(settings.PageSize).Select(views.Item).ToList(),
                    site.Projects.Select(p => new LinkView(views.Href(Urls.Project(language, p.Id)), $"{p.Id} {p.Name.For(language, settings.DefaultLanguage)}")).ToList()));

            foreach (var municipality in site.Municipalities)
            {
                var stories = site.StoriesByMunicipality.GetValueOrDefault(municipality.Id, []);
                var pageCount = Math.Max(1, (stories.Count + settings.PageSize - 1) / settings.PageSize);
                var name = views.MunicipalityName(municipality.Id);
                for (var n = 1; n <= pageCount; n++)
                {
                    var number = n;
                    var title = number == 1 ? name : $"{name} ({string.Format(strings.Format.Culture, strings["pager.page_of"], number, pageCount)})";
                    Page(Urls.Municipality(language, municipality.Id, number), "layouts/municipality",
                        views.Page(title, "municipality", l => Urls.Municipality(l, municipality.Id, number), feedMunicipality: municipality.Id),
                        Municipality(views, site, municipality, stories.Skip((number - 1) * settings.PageSize).Take(settings.PageSize), number, pageCount, language));
                }
                HtmlPage("layouts/embed", null, () => OutputFile.Text(Urls.Embed(language, municipality.Id) + "index.html",
                    renderer.RenderPage("layouts/embed", views.Page(name, "embed", l => Urls.Embed(l, municipality.Id), withFeeds: false),
                        stories.Take(settings.PageSize).Select(views.Item).ToList(), strings, layout: "layouts/embed-base")));
                AddFeeds(jobs, views, site, language, municipality.Id, name, stories);
            }

            foreach (var story in site.Stories.Where(s => s.Versions.ContainsKey(language)))
            {
                var a = story.Versions[language];
                var label = views.LabelFor(a.ProjectId);
                Page(Urls.Announcement(a), "layouts/announcement",
                    views.Page(a.Title, "announcement", l => story.Versions.TryGetValue(l, out var v) ? Urls.Announcement(v) : null,
                        views.Summary(a), a.MunicipalityId, publicity: label),
                    views.Announcement(story), label is null ? null : new AboutProject(a.ProjectId!, label));
            }

            foreach (var project in site.Projects)
            {
                var projectView = views.Project(project);
                var label = views.LabelFor(project.Id);
                Page(Urls.Project(language, project.Id), "layouts/project",
                    views.Page(projectView.Name, "project", l => Urls.Project(l, project.Id), projectView.Aims, publicity: label),
                    new ProjectPageView(projectView, site.StoriesByProject[project.Id].Select(views.Item).ToList()), new AboutProject(project.Id, label!));
            }

            foreach (var (fund, projects) in site.ProjectsByFund.OrderBy(f => f.Key, StringComparer.Ordinal))
                Page(Urls.Fund(language, fund), "layouts/projects",
                    views.Page(strings[$"fund.{fund}"], "fund", l => Urls.Fund(l, fund)),
                    new ProjectListView(strings[$"fund.{fund}"], fund, projects.Select(views.ProjectEntry).ToList()));

            foreach (var (code, projects) in site.ProjectsByMeasure.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var name = site.Content.Measures[code].Name.For(language, settings.DefaultLanguage) ?? code;
                Page(Urls.Measure(language, code), "layouts/projects",
                    views.Page($"{code} {name}", "measure", l => Urls.Measure(l, code)),
                    new ProjectListView(name, code, projects.Select(views.ProjectEntry).ToList()));
            }

            AddFeeds(jobs, views, site, language, null, views.SiteTitle, site.Stories);
        }

        var defaultViews = new ViewFactory(site, settings.DefaultLanguage, ui[settings.DefaultLanguage], bodies);
        var chooser = new ChooserView(settings.Languages.Select(l => new LanguageLinkView(l, defaultViews.LanguageName(l), defaultViews.Href(Urls.Home(l)), false, true)).ToList());
        HtmlPage("layouts/chooser", null, () => OutputFile.Text("index.html", renderer.RenderPage("layouts/chooser",
            defaultViews.Page(defaultViews.SiteTitle, "chooser", _ => "", withFeeds: false), chooser, ui[settings.DefaultLanguage])));
        HtmlPage("layouts/404", null, () => OutputFile.Text("404.html", renderer.RenderPage("layouts/404",
            defaultViews.Page(ui[settings.DefaultLanguage]["notfound.title"], "404", _ => "404.html", withFeeds: false), chooser, ui[settings.DefaultLanguage])));

        var files = new IReadOnlyList<OutputFile>[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, i => files[i] = jobs[i]().ToList());
        var pages = pageJobs.Select(p => new RenderedPage(files[p.Job][0], p.Template, p.About)).ToList();

        var all = files.SelectMany(f => f).ToList();
        all.Add(OutputFile.Text("sitemap.xml", SitemapWriter.Write(sitemap.OrderBy(p => p.Url, StringComparer.Ordinal))));
        all.Add(OutputFile.Text("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {settings.BaseUrl.AbsoluteUri}sitemap.xml\n"));
        all.AddRange(StaticAssets());
        all.AddRange(site.Content.Attachments.Select(a => new OutputFile(a.OutputPath, null, a.FullPath)));
        all.AddRange(settings.Publicity.Logos.Values.Where(l => l.Size is not null).Select(l => new OutputFile(l.OutputPath, null, l.FullPath)));
        return new RenderedSite(all, pages);
    }

    private IReadOnlyDictionary<string, RenderedMarkdown> RenderBodies(SiteModel site)
    {
        var versions = site.Stories.SelectMany(s => s.Versions.Values).ToList();
        var linkTargets = site.Stories.SelectMany(s => s.Versions.Values)
            .ToDictionary(a => $"{a.MunicipalityId}/{Path.GetFileName(a.SourcePath)}", a => a, StringComparer.Ordinal);
        var attachments = site.Content.Attachments.Select(a => a.OutputPath).ToHashSet(StringComparer.Ordinal);
        var root = site.Settings.BaseUrl.AbsolutePath;
        var results = new RenderedMarkdown[versions.Count];
        Parallel.For(0, versions.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, i =>
        {
            var a = versions[i];
            results[i] = markdown.Render(a.Body, a.SourcePath, a.BodyLine,
                url => LinkResolver.Resolve(a.MunicipalityId, url, root, linkTargets, attachments), diagnostics);
        });
        return versions.Select((a, i) => (a.SourcePath, results[i])).ToDictionary(x => x.SourcePath, x => x.Item2, StringComparer.Ordinal);
    }

    private MunicipalityView Municipality(ViewFactory views, SiteModel site, Municipality m, IEnumerable<Story> stories, int number, int pageCount, string language)
    {
        var successor = m.Successor is { } s && site.Content.Municipalities.ContainsKey(s) ? views.MunicipalityLink(s) : null;
        return new MunicipalityView(views.MunicipalityText(m.Id), m.Website, successor,
            m.Dissolved is { } d ? ui[language].Format.Date(d) : null,
            views.ByName(site.PredecessorsOf(m.Id)).Select(p => views.MunicipalityLink(p.Id)).ToList(),
            stories.Select(views.Item).ToList(), views.Pager(m.Id, number, pageCount));
    }

    private static void AddFeeds(List<Func<IEnumerable<OutputFile>>> jobs, ViewFactory views, SiteModel site, string language, string? municipalityId, string title, IReadOnlyList<Story> stories)
    {
        jobs.Add(() =>
        {
            var entries = stories.Where(s => s.Versions.ContainsKey(language)).Take(site.Settings.PageSize)
                .Select(s => Entry(views, s.Versions[language])).ToList();
            var page = views.Absolute(municipalityId is null ? Urls.Home(language) : Urls.Municipality(language, municipalityId));
            var atom = Urls.Feed(language, municipalityId, "xml");
            var json = Urls.Feed(language, municipalityId, "json");
            return [
                OutputFile.Text(atom, FeedWriter.Atom(title, views.Absolute(atom), page, language, entries)),
                OutputFile.Text(json, FeedWriter.Json(title, views.Absolute(json), page, language, entries)),
            ];
        });
    }

    private static FeedEntry Entry(ViewFactory views, Announcement a)
    {
        var url = views.Absolute(Urls.Announcement(a));
        return new FeedEntry(url, url, a.Title, views.Summary(a), views.BodyHtml(a), a.Date, a.LastChanged, a.Language, a.Author?.Name, a.Tags);
    }

    private IEnumerable<OutputFile> StaticAssets()
    {
        var assets = Path.Join(templatesDirectory, "assets");
        if (!Directory.Exists(assets)) yield break;
        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return new OutputFile("assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/'), null, file);
    }
}
