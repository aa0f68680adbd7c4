using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using Vestis.Diagnostics;
using Vestis.Serving;

namespace Vestis.Tests;

/// <summary>
/// Search, as built: a <c>search.json</c> per language of exactly the announcements that language lists (never a
/// draft or a future one, not even in a preview), and a search page per language with a labelled field and a status
/// region that screen readers announce.
/// </summary>
public sealed class SearchTests : IClassFixture<SearchTests.Site>, IClassFixture<I18nTests.LanguagesSite>
{
    private const string Untranslated = "announcements/augsdaugavas-novads/2021-07-01-darba-sakums.lv.md";
    private const string Draft = "announcements/augsdaugavas-novads/2026-11-01-melnraksts.lv.md";
    private const string Future = "announcements/augsdaugavas-novads/2026-12-24-nakotne.lv.md";

    public static readonly IReadOnlyDictionary<string, string?> Changes = new Dictionary<string, string?>
    {
        [Untranslated] = """
            ---
            title: Augšdaugavas novads <sāk> darbu & "turpina"
            date: 2021-07-01
            summary: Ilūkstes un Daugavpils novadi apvienoti.
            tags: [reforma, pašvaldības]
            ---
            Teksts.
            """,
        [Draft] = "---\ntitle: Vēl tapšanā\ndate: 2026-11-01\ndraft: true\n---\nTeksts.\n",
        [Future] = "---\ntitle: Ziemassvētku pasākums\ndate: 2026-12-24\n---\nTeksts.\n",
    };

    public sealed class Site() : BuiltSite(Changes);

    private readonly Site site;
    private readonly I18nTests.LanguagesSite languages;

    public SearchTests(Site site, I18nTests.LanguagesSite languages)
    {
        this.site = site;
        this.languages = languages;
    }

    private static JsonElement Index(string json) => JsonDocument.Parse(json).RootElement;

    private static List<string> Urls(JsonElement index) =>
        index.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("url").GetString()!).ToList();

    private static JsonElement Entry(JsonElement index, string url) =>
        index.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("url").GetString() == url);

    [Fact]
    public void Each_language_indexes_exactly_the_announcements_it_lists_newest_first()
    {
        Assert.True(site.Result.Succeeded, string.Join("\n", site.Result.Diagnostics));
        Assert.Equal(["/lv/augsdaugavas-novads/2021/darba-sakums/", "/lv/ilukstes-novads/2019/projekts/"],
            Urls(Index(site.Site.Page("lv/search.json"))));
        // English lists the announcement not translated into English too, in Latvian.
        Assert.Equal(["/lv/augsdaugavas-novads/2021/darba-sakums/", "/en/ilukstes-novads/2019/project-begins/"],
            Urls(Index(site.Site.Page("en/search.json"))));
    }

    [Fact]
    public void An_entry_holds_what_a_result_shows_and_names_shared_by_entries_are_given_once()
    {
        var lv = Index(site.Site.Page("lv/search.json"));
        Assert.Equal("lv", lv.GetProperty("language").GetString());
        var entry = Entry(lv, "/lv/ilukstes-novads/2019/projekts/");
        Assert.Equal("Tiek uzsākta projekta realizācija", entry.GetProperty("title").GetString());
        Assert.Equal("Ilūkstes novadā sāk veidot dienas aprūpes centru.", entry.GetProperty("summary").GetString());
        Assert.Equal("2019-09-19", entry.GetProperty("date").GetString());
        Assert.Equal("2019. gada 19. septembris", entry.GetProperty("dateText").GetString());
        Assert.Equal("Ilūkstes novads", lv.GetProperty("municipalities").GetProperty(entry.GetProperty("municipality").GetString()!).GetProperty("name").GetString());
        Assert.Equal("Projekta sākums", lv.GetProperty("kinds").GetProperty(entry.GetProperty("kind").GetString()!).GetString());
        Assert.Equal("9.3.1.1/18/I/003", entry.GetProperty("project").GetString());
        Assert.Equal("Pakalpojumu infrastruktūras attīstība Ilūkstes novadā",
            lv.GetProperty("projects").GetProperty("9.3.1.1/18/I/003").GetProperty("name").GetString());
        Assert.False(entry.TryGetProperty("lang", out _));
        Assert.False(entry.TryGetProperty("tags", out _));

        var en = Index(site.Site.Page("en/search.json"));
        var untranslated = Entry(en, "/lv/augsdaugavas-novads/2021/darba-sakums/");
        Assert.Equal("lv", untranslated.GetProperty("lang").GetString());
        Assert.Equal("(in Latvian)", en.GetProperty("languageNotes").GetProperty("lv").GetString());
        Assert.Equal("1 July 2021", untranslated.GetProperty("dateText").GetString());
        Assert.Equal(["reforma", "pašvaldības"], untranslated.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Augšdaugava Municipality", en.GetProperty("municipalities").GetProperty("augsdaugavas-novads").GetProperty("name").GetString());
        Assert.Equal("Development of service infrastructure in Ilūkste Municipality",
            en.GetProperty("projects").GetProperty("9.3.1.1/18/I/003").GetProperty("name").GetString());
    }

    [Fact]
    public void The_index_is_one_compact_line_with_letters_as_written_and_markup_escaped()
    {
        var json = site.Site.Page("lv/search.json");
        Assert.Equal(json.Length - 1, json.IndexOf('\n', StringComparison.Ordinal));
        Assert.Contains("\"Ilūkstes novads\"", json, StringComparison.Ordinal);
        Assert.Contains(@"\u003Csāk\u003E darbu \u0026 \u0022turpina\u0022", json, StringComparison.Ordinal);
        Assert.Equal("Augšdaugavas novads <sāk> darbu & \"turpina\"", Entry(Index(json), "/lv/augsdaugavas-novads/2021/darba-sakums/").GetProperty("title").GetString());
    }

    [Fact]
    public void Drafts_are_never_indexed_even_in_a_build_that_shows_them()
    {
        using var drafts = new TestSite(Changes);
        Assert.True(drafts.Build(drafts: true).Succeeded);
        Assert.Contains("Vēl tapšanā", drafts.Page("lv/augsdaugavas-novads/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("melnraksts", drafts.Page("lv/search.json"), StringComparison.Ordinal);
        Assert.Equal(Urls(Index(site.Site.Page("lv/search.json"))), Urls(Index(drafts.Page("lv/search.json"))));
    }

    [Fact]
    public async Task Serve_makes_the_search_page_and_index_and_indexes_what_a_build_would_publish()
    {
        // A translation that is still a draft: the preview shows it, the index lists the published original.
        const string english = "announcements/ilukstes-novads/2019-09-19-projekts.en.md";
        using var preview = new TestSite(new Dictionary<string, string?>(Changes)
        {
            [english] = TestSite.BaseFiles[english].Replace("slug: project-begins\n", "slug: project-begins\ndraft: true\n", StringComparison.Ordinal),
        });
        await using var server = await DevServer.StartAsync(
            new BuildOptions(preview.Content, Repository.Templates, null, true, new DateOnly(2026, 11, 23), 2, IncludeFuture: true), 0, new StringWriter(), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Address };

        var page = await http.GetAsync("/lv/search/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("role=\"status\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Ziemassvētku pasākums", await http.GetStringAsync("/lv/augsdaugavas-novads/"), StringComparison.Ordinal);

        var index = await http.GetAsync("/lv/search.json");
        Assert.Equal("application/json", index.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["/lv/augsdaugavas-novads/2021/darba-sakums/", "/lv/ilukstes-novads/2019/projekts/"],
            Urls(Index(await index.Content.ReadAsStringAsync())));
        Assert.Equal(["/lv/augsdaugavas-novads/2021/darba-sakums/", "/lv/ilukstes-novads/2019/projekts/"],
            Urls(Index(await http.GetStringAsync("/en/search.json"))));
        foreach (var script in new[] { "/assets/search.js", "/assets/vendor/minisearch/minisearch.js" })
            Assert.Equal("text/javascript", (await http.GetAsync(script)).Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("lv", new[] { "zero", "one", "other" })]
    [InlineData("en", new[] { "one", "other" })]
    [InlineData("ru", new[] { "one", "few", "many", "other" })]
    [InlineData("lt", new[] { "one", "few", "many", "other" })]
    [InlineData("ltg", new[] { "zero", "one", "other" })]
    public void Every_language_has_a_search_page_with_a_labelled_field_a_status_region_and_a_way_without_script(string language, string[] categories)
    {
        Assert.DoesNotContain(languages.Result.Diagnostics, d => d.Code == DiagnosticCodes.MissingUiString);
        var page = languages.Html($"{language}/search/index.html");
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));

        var form = page.QuerySelector("form[role=search]")!;
        Assert.Equal($"/{language}/search/", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal($"/{language}/search.json", form.GetAttribute("data-search-index"));
        Assert.True(File.Exists(Path.Join(languages.Site.Output, language, "search.json")));
        var input = form.QuerySelector("input[type=search][name=q]")!;
        Assert.False(string.IsNullOrWhiteSpace(form.QuerySelector($"label[for={input.Id}]")!.TextContent));
        Assert.False(string.IsNullOrWhiteSpace(page.GetElementById(input.GetAttribute("aria-describedby")!)!.TextContent));

        var status = page.QuerySelector("[role=status]")!;
        Assert.Equal("polite", status.GetAttribute("aria-live"));
        Assert.Equal(categories, status.Attributes.Select(a => a.Name).Where(n => n.StartsWith("data-results-", StringComparison.Ordinal)).Select(n => n["data-results-".Length..]));
        Assert.All(status.Attributes.Where(a => a.Name.StartsWith("data-results-", StringComparison.Ordinal)), a => Assert.Contains("{1}", a.Value, StringComparison.Ordinal));

        // Without JavaScript the page says why nothing happens and leads to the lists.
        Assert.Equal($"/{language}/", page.QuerySelector("noscript a")!.GetAttribute("href"));
        Assert.Equal([$"/assets/vendor/minisearch/minisearch.js", "/assets/search.js"], page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")));
    }

    [Fact]
    public void Every_page_links_to_its_languages_search_page_and_the_sitemap_lists_the_search_pages()
    {
        foreach (var file in Directory.EnumerateFiles(site.Site.Output, "*.html", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(site.Site.Output, file).Replace('\\', '/');
            if (path.StartsWith("embed/", StringComparison.Ordinal)) continue;
            var page = new HtmlParser().ParseDocument(File.ReadAllText(file));
            var link = page.QuerySelector("header .site-search a");
            Assert.True(link is not null, $"{path} has no link to the search page");
            Assert.Equal($"/{page.DocumentElement.GetAttribute("lang")}/search/", link.GetAttribute("href"));
            Assert.Equal(path.EndsWith("/search/index.html", StringComparison.Ordinal) ? "page" : null, link.GetAttribute("aria-current"));
        }
        var sitemap = site.Site.Page("sitemap.xml");
        Assert.Contains("<loc>https://projekti.example.lv/en/search/</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"lv\" href=\"https://projekti.example.lv/lv/search/\" />", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public void A_municipality_cannot_take_the_search_pages_name()
    {
        using var named = new TestSite(new Dictionary<string, string?> { ["municipalities/search.yml"] = "name: Meklēšana\n" });
        var result = named.Build(write: false);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidMunicipalityId && named.Relative(d) == "municipalities/search.yml");
    }
}

/// <summary>
/// Search as a citizen uses it, in headless Chromium, on the bundled site served with the Content-Security-Policy its
/// pages carry: typing without diacritics finds Ilūkste, the status says how many were found, a search can be linked
/// to, and nothing is asked of any other host.
/// </summary>
public sealed class SearchBrowserTests : IClassFixture<BundledSiteTests.BuiltSite>, IDisposable
{
    /// <summary>Nothing from other hosts, nothing inline, no eval: what every page's policy allows.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'";

    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 20_000 };

    private readonly StaticServer server;

    public SearchBrowserTests(BundledSiteTests.BuiltSite site) =>
        server = new StaticServer(site.Output, new Dictionary<string, string> { ["Content-Security-Policy"] = ContentSecurityPolicy });

    public void Dispose() => server.Dispose();

    /// <summary>A page in a fresh browser, recording every request and every error or warning the browser reports (a policy violation is one).</summary>
    private sealed class Tab : IAsyncDisposable
    {
        private IPlaywright playwright = null!;
        private IBrowser browser = null!;

        public IPage Page { get; private set; } = null!;

        public List<string> Requests { get; } = [];

        public List<string> Problems { get; } = [];

        public static async Task<Tab> OpenAsync(BrowserNewPageOptions? options = null)
        {
            var tab = new Tab { playwright = await Playwright.CreateAsync() };
            tab.browser = await BrowserTests.Launch(tab.playwright);
            tab.Page = await tab.browser.NewPageAsync(options);
            tab.Page.Request += (_, request) => tab.Requests.Add(request.Url);
            tab.Page.Console += (_, message) =>
            {
                // The browser asks for /favicon.ico by itself, and the site has none; the pages never ask for it.
                if (message.Type is "error" or "warning" && !message.Location.Contains("/favicon.ico:", StringComparison.Ordinal))
                    tab.Problems.Add($"{message.Location}: {message.Text}");
            };
            tab.Page.PageError += (_, error) => tab.Problems.Add(error);
            return tab;
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static ILocator Status(Tab tab) => tab.Page.Locator("#search-status");

    private static Task<string[]> ResultLinks(Tab tab) =>
        tab.Page.Locator("#search-results .item-title a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

    [ChromiumFact]
    public async Task Typing_without_diacritics_finds_Ilukste_and_the_status_announces_how_many()
    {
        await using var tab = await Tab.OpenAsync();
        await tab.Page.GotoAsync(server.BaseUrl + "lv/search/");
        var field = tab.Page.Locator("#search-query");
        await field.PressSequentiallyAsync("ilukste");

        await Assertions.Expect(Status(tab)).ToHaveTextAsync(new Regex("^[0-9]+ rezultāt(s|i|u) vaicājumam „ilukste”$"), Patiently);
        var links = await ResultLinks(tab);
        Assert.Contains("/lv/ilukstes-novads/2019/deinstitucionalizacijas-projekta-uzsaksana/", links);
        Assert.Contains("/lv/ilukstes-novads/2020/dienas-aprupes-centrs-atverts/", links);
        Assert.StartsWith($"{links.Length} rezultāt", await Status(tab).TextContentAsync(), StringComparison.Ordinal);
        Assert.EndsWith("?q=ilukste", tab.Page.Url, StringComparison.Ordinal);

        await field.FillAsync("zqxjvw");
        await Assertions.Expect(Status(tab)).ToHaveTextAsync("Vaicājumam „zqxjvw” nekas nav atrasts.", Patiently);
        await Assertions.Expect(tab.Page.Locator("#search-results li")).ToHaveCountAsync(0);

        // Enter searches at once, on the same page, and leaves the focus in the field.
        await field.FillAsync("rezekne");
        await field.PressAsync("Enter");
        await Assertions.Expect(Status(tab)).ToHaveTextAsync(new Regex("vaicājumam „rezekne”$"), Patiently);
        Assert.Contains("/lv/rezeknes-valstspilseta/2020/apstiprinats-deinstitucionalizacijas-projekts/", await ResultLinks(tab));
        Assert.Equal("search-query", await tab.Page.EvaluateAsync<string>("() => document.activeElement.id"));

        Assert.All(tab.Requests, url => Assert.StartsWith(server.BaseUrl, url, StringComparison.Ordinal));
        Assert.Contains(server.BaseUrl + "lv/search.json", tab.Requests);
        Assert.Empty(tab.Problems);
    }

    [ChromiumFact]
    public async Task A_search_in_the_address_runs_when_the_page_opens_and_marks_results_in_another_language()
    {
        await using var tab = await Tab.OpenAsync();
        await tab.Page.GotoAsync(server.BaseUrl + "en/search/?q=Il%C5%ABkste");

        Assert.Equal("Ilūkste", await tab.Page.Locator("#search-query").InputValueAsync());
        await Assertions.Expect(Status(tab)).ToHaveTextAsync(new Regex("^[0-9]+ results? for “Ilūkste”$"), Patiently);
        var untranslated = tab.Page.Locator("#search-results li", new() { Has = tab.Page.Locator("a[href='/lv/ilukstes-novads/2020/dienas-aprupes-centrs-atverts/']") });
        Assert.Equal("lv", await untranslated.Locator("a").GetAttributeAsync("lang"));
        Assert.Contains("(in Latvian)", await untranslated.TextContentAsync(), StringComparison.Ordinal);
        Assert.All(tab.Requests, url => Assert.StartsWith(server.BaseUrl, url, StringComparison.Ordinal));
        Assert.Empty(tab.Problems);
    }

    [ChromiumTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task On_a_phone_the_search_page_fits_and_its_field_and_button_keep_their_contrast_and_show_focus(ColorScheme scheme)
    {
        await using var tab = await Tab.OpenAsync(new() { ViewportSize = new() { Width = 360, Height = 640 }, ColorScheme = scheme });
        await tab.Page.GotoAsync(server.BaseUrl + "lv/search/?q=deinstitucionalizacija");
        await Assertions.Expect(Status(tab)).ToHaveTextAsync(new Regex("rezultāt"), Patiently);
        await tab.Page.Locator("#search-query").FocusAsync();

        var facts = JsonSerializer.Deserialize<Facts>(await tab.Page.EvaluateAsync<string>(Measure), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        Assert.True(facts.Width <= 360, $"the page is {facts.Width} px wide");
        Assert.True(facts.Button >= 4.5, $"the button's text has a contrast of {facts.Button:0.00}");
        Assert.True(facts.Border >= 3, $"the field's border has a contrast of {facts.Border:0.00}");
        Assert.True(facts.Label >= 4.5, $"the label has a contrast of {facts.Label:0.00}");
        Assert.Equal("solid", facts.Focus);
    }

    public sealed record Facts(double Width, double Button, double Border, double Label, string Focus);

    // WCAG 2.1 relative luminance and contrast ratio of computed colours.
    private const string Measure = """
        () => {
          const rgb = (c) => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
          const luminance = (c) => rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const page = getComputedStyle(document.documentElement).backgroundColor;
          const button = getComputedStyle(document.querySelector('.search-field button'));
          const input = getComputedStyle(document.querySelector('#search-query'));
          const label = getComputedStyle(document.querySelector('.search-form label'));
          return JSON.stringify({
            width: document.documentElement.scrollWidth,
            button: contrast(button.color, button.backgroundColor),
            border: contrast(input.borderTopColor, page),
            label: contrast(label.color, page),
            focus: input.outlineStyle,
          });
        }
        """;
}
