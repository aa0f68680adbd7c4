using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;
using Vestis.Diagnostics;
using Vestis.Model;
using Vestis.Serving;

namespace Vestis.Tests;

/// <summary>
/// <c>serve</c> over real HTTP: pages from memory with the reload script, an edit shown on the next request and
/// announced to open tabs, errors as an overlay that a fix clears, drafts and future items marked, and a browser
/// tab that reloads by itself.
/// </summary>
public sealed class ServeTests
{
    private const string Draft = "announcements/augsdaugavas-novads/2026-11-01-melnraksts.lv.md";
    private const string Future = "announcements/augsdaugavas-novads/2026-12-24-nakotne.lv.md";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static TestSite Site() => new(new Dictionary<string, string?>
    {
        [Draft] = "---\ntitle: Vēl tapšanā\ndate: 2026-11-01\ndraft: true\n---\nTeksts.\n",
        [Future] = "---\ntitle: Ziemassvētku pasākums\ndate: 2026-12-24\n---\nTeksts.\n",
    });

    private static Task<DevServer> Serve(TestSite site, TextWriter log) =>
        DevServer.StartAsync(new BuildOptions(site.Content, Repository.Templates, null, true, new DateOnly(2026, 11, 23), 2), 0, log, CancellationToken.None);

    [Fact]
    public async Task Serves_pages_feeds_and_assets_from_memory_with_the_reload_script_and_writes_nothing()
    {
        using var site = Site();
        await using var server = await Serve(site, new StringWriter());
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };

        var page = await http.GetAsync("/lv/ilukstes-novads/2019/projekts/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/__vestis/live-reload.js\" data-generation=\"1\"></script>\n</body>", html);
        Assert.Contains("Tiek uzsākta projekta realizācija", html);

        Assert.Equal("application/xml", (await http.GetAsync("/lv/feed.xml")).Content.Headers.ContentType!.MediaType);
        Assert.Equal("text/css", (await http.GetAsync("/assets/style.css")).Content.Headers.ContentType!.MediaType);
        Assert.Contains("EventSource", await http.GetStringAsync("/__vestis/live-reload.js"));

        var folder = await http.GetAsync("/lv");
        Assert.Equal(HttpStatusCode.Redirect, folder.StatusCode);
        Assert.Equal("/lv/", folder.Headers.Location!.OriginalString);
        var missing = await http.GetAsync("/lv/nav-tadas-lapas/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<h1>Lapa nav atrasta</h1>", await missing.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Page not found</h1>", await (await http.GetAsync("/en/no-such-page/")).Content.ReadAsStringAsync());

        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Drafts_and_future_announcements_are_shown_and_marked()
    {
        using var site = Site();
        await using var server = await Serve(site, new StringWriter());
        using var http = new HttpClient { BaseAddress = server.Address };

        var index = await http.GetStringAsync("/lv/augsdaugavas-novads/");
        Assert.Contains("Vēl tapšanā</a> <span class=\"draft\">melnraksts</span>", index);
        Assert.Contains("Ziemassvētku pasākums</a> <span class=\"draft\">ieplānots: <time datetime=\"2026-12-24\">2026. gada 24. decembris</time></span>", index);
        var future = await http.GetStringAsync("/lv/augsdaugavas-novads/2026/nakotne/");
        Assert.Contains("ieplānots: <time datetime=\"2026-12-24\">", future);

        // A build of the same content publishes neither.
        var built = site.Build();
        Assert.True(built.Succeeded);
        Assert.DoesNotContain("Vēl tapšanā", site.Page("lv/augsdaugavas-novads/index.html"));
        Assert.DoesNotContain("Ziemassvētku", site.Page("lv/augsdaugavas-novads/index.html"));
    }

    [Fact]
    public async Task An_edit_is_announced_to_open_tabs_and_shown_on_the_next_request()
    {
        using var site = Site();
        var log = new StringWriter();
        await using var server = await Serve(site, log);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Patience };
        using var events = new StreamReader(await http.GetStreamAsync("/__vestis/events"));
        Assert.Equal("data: 1", await events.ReadLineAsync());
        Assert.Equal("", await events.ReadLineAsync());

        site.Write(TestSite.ProjectAnnouncement, TestSite.BaseFiles[TestSite.ProjectAnnouncement].Replace("Tiek uzsākta projekta realizācija", "Projekts sākas šodien"));

        Assert.Equal("data: 2", await events.ReadLineAsync().WaitAsync(Patience));
        var page = await http.GetStringAsync("/lv/ilukstes-novads/2019/projekts/");
        Assert.Contains("<h1>Projekts sākas šodien</h1>", page);
        Assert.Contains("data-generation=\"2\"", page);
        Assert.Contains("rebuilt in", log.ToString());
    }

    [Fact]
    public async Task Files_made_in_a_new_folder_while_serving_are_served()
    {
        using var site = Site();
        await using var server = await Serve(site, new StringWriter());
        using var http = new HttpClient { BaseAddress = server.Address };

        site.Write("announcements/augsdaugavas-novads/2026-01-05-jauns.lv.md", "---\ntitle: Jauns paziņojums\ndate: 2026-01-05\n---\n[Plāns](2026-01-05-jauns/plans.pdf)\n");
        site.Write("announcements/augsdaugavas-novads/2026-01-05-jauns/plans.pdf", "%PDF-1.4");

        await Until(() => !server.Current.Failed && server.Current.Has("files/augsdaugavas-novads/2026-01-05-jauns/plans.pdf"));
        Assert.Equal("%PDF-1.4\n", await http.GetStringAsync("/files/augsdaugavas-novads/2026-01-05-jauns/plans.pdf"));
        Assert.Contains("<h1>Jauns paziņojums</h1>", await http.GetStringAsync("/lv/augsdaugavas-novads/2026/jauns/"));
    }

    [Fact]
    public async Task Errors_become_an_overlay_in_the_browser_and_a_fix_brings_the_site_back()
    {
        using var site = Site();
        var log = new StringWriter();
        await using var server = await Serve(site, log);
        using var http = new HttpClient { BaseAddress = server.Address };
        var original = TestSite.BaseFiles[TestSite.ProjectAnnouncement];

        site.Write(TestSite.ProjectAnnouncement, original.Replace("total: 447060.00", "total: 447060.001"));
        await Until(() => server.Current.Generation == 2);
        var overlay = await http.GetAsync("/lv/");
        Assert.Equal(HttpStatusCode.InternalServerError, overlay.StatusCode);
        var text = await overlay.Content.ReadAsStringAsync();
        Assert.Contains("VES0", text);
        Assert.Contains("2019-09-19-projekts.lv.md(", text);
        Assert.Contains("live-reload.js", text);
        Assert.Contains("error VES", log.ToString());

        site.Write(TestSite.ProjectAnnouncement, original);
        await Until(() => server.Current.Generation == 3);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/lv/")).StatusCode);
    }

    [Fact]
    public async Task A_template_that_fails_on_one_page_shows_that_page_as_an_overlay_and_the_server_keeps_running()
    {
        using var site = Site();
        using var templates = new TestTemplates();
        var log = new StringWriter();
        await using var server = await DevServer.StartAsync(
            new BuildOptions(site.Content, templates.Root, null, true, new DateOnly(2026, 11, 23), 2), 0, log, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/lv/projects/9.3.1.1-18-i-003/")).StatusCode);

        templates.Edit("layouts/project.html", t => "{{ model.no_such_thing.name }}" + t);
        await Until(() => server.Current.Generation == 2);
        var broken = await http.GetAsync("/lv/projects/9.3.1.1-18-i-003/");
        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
        Assert.Contains("project.html", await broken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/lv/")).StatusCode);
        // The terminal says it once, however often the page is asked for.
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("/lv/projects/9.3.1.1-18-i-003/")).StatusCode);
        Assert.Single(log.ToString().Split('\n'), l => l.Contains("layouts/project.html(", StringComparison.Ordinal) && l.Contains(": error VES", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_edits_become_the_overlay_and_the_server_keeps_rebuilding()
    {
        using var site = Site();
        var log = new StringWriter();
        await using var server = await Serve(site, log);
        using var http = new HttpClient { BaseAddress = server.Address };
        var announcement = Path.Join(site.Content, TestSite.ProjectAnnouncement);
        var original = File.ReadAllText(announcement);
        var generation = server.Current.Generation;
        (string Name, Action Damage)[] damages =
        [
            ("alias bomb", () => File.WriteAllText(announcement, original.Replace("kind: project-start", "kind: project-start\na: &a [x, x]\nb: [*a, *a]"))),
            ("control character", () => File.WriteAllText(announcement, original.Replace("Tiek uzsākta", "Tiek\u000Buzsākta"))),
            ("folder instead of a file", () => { File.Delete(announcement); Directory.CreateDirectory(announcement); File.WriteAllText(Path.Join(announcement, "x.md"), "x"); }),
            ("link outside", () => { Directory.Delete(announcement, recursive: true); File.CreateSymbolicLink(announcement, "/etc/passwd"); }),
            ("cut short", () => { File.Delete(announcement); File.WriteAllText(announcement, original[..40]); }),
        ];
        foreach (var (name, damage) in damages)
        {
            damage();
            await Until(() => server.Current.Generation > generation);
            generation = server.Current.Generation;
            var overlay = await http.GetAsync("/lv/");
            Assert.True(overlay.StatusCode == HttpStatusCode.InternalServerError, $"{name}: {overlay.StatusCode}");
            Assert.Contains("VES0", await overlay.Content.ReadAsStringAsync());
        }

        File.WriteAllText(announcement, original);
        await Until(() => server.Current.Generation > generation);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/lv/")).StatusCode);
    }

    [Fact]
    public async Task The_serve_command_prints_its_address_and_serves_until_stopped()
    {
        using var site = Site();
        using var process = VestisProcess.Start(["serve", "--port", "0", "--content", site.Content, "--templates", Repository.Templates, "--today", "2026-11-23"]);
        try
        {
            string? line;
            do line = await process.StandardOutput.ReadLineAsync().WaitAsync(Patience);
            while (line is not null && !line.StartsWith("serving ", StringComparison.Ordinal));
            Assert.NotNull(line);
            var address = line.Split(' ')[1];
            using var http = new HttpClient();
            Assert.Contains("Tiek uzsākta projekta realizācija", await http.GetStringAsync(address + "lv/ilukstes-novads/2019/projekts/"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [ChromiumFact]
    public async Task An_open_browser_tab_reloads_itself_after_an_edit()
    {
        using var site = Site();
        await using var server = await Serve(site, new StringWriter());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.Launch(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Address + "lv/ilukstes-novads/2019/projekts/");
        Assert.Equal("Tiek uzsākta projekta realizācija", await page.InnerTextAsync("h1"));
        // The tab listens before the edit is made.
        await page.WaitForSelectorAsync("html[data-vestis-live=listening]");

        site.Write(TestSite.ProjectAnnouncement, TestSite.BaseFiles[TestSite.ProjectAnnouncement].Replace("Tiek uzsākta projekta realizācija", "Projekts sākas šodien"));

        await page.WaitForFunctionAsync("() => document.querySelector('h1').textContent === 'Projekts sākas šodien'", null, new() { Timeout = (float)Patience.TotalMilliseconds });
    }

    private static async Task Until(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, "the server did not rebuild after the edit");
            await Task.Delay(20);
        }
    }
}

/// <summary>What <c>serve</c> takes from the build before: unchanged files are neither read, checked nor rendered again.</summary>
public sealed class RebuildTests
{
    [Fact]
    public void A_rebuild_reads_checks_and_renders_again_only_the_file_that_changed()
    {
        using var site = new TestSite();
        var options = new BuildOptions(site.Content, Repository.Templates, null, false, new DateOnly(2026, 11, 23), 2);
        var earlier = new EarlierBuild();
        var first = SiteBuilder.Plan(options, new DiagnosticBag(), new StageClock(BuildProgress.None), earlier)!;
        var firstBodies = earlier.Bodies;

        const string english = "announcements/ilukstes-novads/2019-09-19-projekts.en.md";
        site.Write(english, TestSite.BaseFiles[english].Replace("Ilūkste starts building", "Ilūkste is building"));
        var second = SiteBuilder.Plan(options, new DiagnosticBag(), new StageClock(BuildProgress.None), earlier)!;

        Announcement Version(PlannedSite s, string language) => s.Site.Stories.Single(x => x.Stem == "2019-09-19-projekts").Versions[language];
        // The unchanged Latvian file: the same version (its file not read or checked again), the same rendered body.
        Assert.Same(Version(first, "lv"), Version(second, "lv"));
        Assert.Same(firstBodies![Version(first, "lv")], earlier.Bodies![Version(second, "lv")]);
        // The edited English file: read, checked and rendered again.
        Assert.Contains("Ilūkste is building", earlier.Bodies[Version(second, "en")].Html);
        Assert.NotSame(firstBodies[Version(first, "en")], earlier.Bodies[Version(second, "en")]);
    }
}
