using System.Text.Json;
using Microsoft.Playwright;

namespace Vestis.Tests;

/// <summary>
/// The EU label as a citizen sees it, in headless Chromium: on every page about a project of the bundled site
/// (with a national logo added, the widest label), on a 360×640 phone and a 1366×768 desktop, in light and dark
/// colour schemes, the label lies wholly in the first screenful, in an allowed typeface, upright, in an allowed colour.
/// </summary>
public sealed class BrowserTests : IClassFixture<BrowserTests.ServedSite>
{
    /// <summary>The typefaces the EU publicity rules allow for the statement.</summary>
    private static readonly string[] AllowedTypefaces = ["Arial", "Auto", "Calibri", "Garamond", "Trebuchet MS", "Trebuchet", "Tahoma", "Verdana", "Ubuntu"];

    /// <summary>Reflex blue, black or white.</summary>
    private static readonly string[] AllowedColours = ["rgb(0, 51, 153)", "rgb(0, 0, 0)", "rgb(255, 255, 255)"];

    /// <summary>
    /// The bundled site with a stand-in national logo and one announcement a page (so that indexes have later pages),
    /// built into a temporary folder and served by nginx.
    /// </summary>
    public sealed class ServedSite : IDisposable
    {
        private readonly NginxServer server;

        public ServedSite()
        {
            Root = Directory.CreateTempSubdirectory("vestis-browser-").FullName;
            var content = Path.Join(Root, "content");
            Repository.Copy(Repository.Content, content);
            Directory.CreateDirectory(Path.Join(content, "publicity"));
            File.WriteAllText(Path.Join(content, "publicity", "nap2020.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"80\"><rect width=\"240\" height=\"80\" fill=\"#9e3039\"/></svg>");
            var settings = Path.Join(content, "site.yml");
            File.WriteAllText(settings, File.ReadAllText(settings).Replace("pageSize: 20", "pageSize: 1", StringComparison.Ordinal));
            Output = Path.Join(Root, "site-output");
            var result = SiteBuilder.Build(new BuildOptions(content, Repository.Templates, Output, false, new DateOnly(2026, 11, 23), 2));
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Assert.Empty(result.Diagnostics);
            server = new NginxServer(Output);
        }

        public string Root { get; }

        public string Output { get; }

        public string BaseUrl => server.BaseUrl;

        /// <summary>The pages about a project, as URL paths.</summary>
        public IReadOnlyList<string> ProjectPages => Directory.EnumerateFiles(Output, "index.html", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("data-eu-publicity", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Output, Path.GetDirectoryName(f)!).Replace('\\', '/') + "/")
            .Order(StringComparer.Ordinal).ToList();

        /// <summary>
        /// One page of each type in each language, found in the output rather than listed, so that a new kind of page
        /// is checked as soon as the site has one: pages are alike when they share a language, a layout (the body's
        /// class), the presence of an EU label and the depth of their address. Not-found pages are asked for at a
        /// missing address, so that the web server's configuration is tested too.
        /// </summary>
        public IReadOnlyList<PageType> PageTypes => pageTypes ??= FindPageTypes();

        private IReadOnlyList<PageType>? pageTypes;

        private List<PageType> FindPageTypes()
        {
            var types = new Dictionary<string, PageType>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(Output, file).Replace('\\', '/');
                var html = File.ReadAllText(file);
                var start = html.IndexOf("<body class=\"page-", StringComparison.Ordinal) + "<body class=\"page-".Length;
                var layout = html[start..html.IndexOf('"', start)];
                var segments = relative.Split('/')[..^1];
                var language = segments.Length == 0 ? "root" : segments[0] == "embed" ? segments[1] : segments[0];
                var labelled = html.Contains("data-eu-publicity", StringComparison.Ordinal) ? " with EU label" : "";
                var url = relative.EndsWith("404.html", StringComparison.Ordinal)
                    ? string.Join("", segments.Select(s => s + "/")) + "no-such-page/"
                    : relative[..^"index.html".Length];
                var key = $"{language} {layout}{labelled} {segments.Length}";
                types.TryAdd(key, new PageType($"{layout}{labelled} /{url}", url, relative));
            }
            return types.Values.OrderBy(t => t.Url, StringComparer.Ordinal).ToList();
        }

        public void Dispose()
        {
            server.Dispose();
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A kind of page: its name in test output, the address to ask for, and its file in the output.</summary>
    public sealed record PageType(string Name, string Url, string File);

    private readonly ServedSite site;

    public BrowserTests(ServedSite site) => this.site = site;

    [ChromiumTheory]
    [InlineData(360, 640, ColorScheme.Light)]
    [InlineData(360, 640, ColorScheme.Dark)]
    [InlineData(1366, 768, ColorScheme.Light)]
    [InlineData(1366, 768, ColorScheme.Dark)]
    public async Task The_EU_label_is_in_the_first_screenful_upright_in_an_allowed_typeface_and_colour(int width, int height, ColorScheme scheme)
    {
        var pages = site.ProjectPages;
        // Five announcements about a project and two projects in two languages.
        Assert.True(pages.Count >= 9, $"expected the bundled site's announcement and project pages, found {pages.Count}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, ColorScheme = scheme });
        var failures = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(site.BaseUrl + path);
            var facts = JsonSerializer.Deserialize<LabelFacts>(await page.EvaluateAsync<string>(Measure), JsonOptions)!;
            string Fail(string what) => $"{path} at {width}×{height} {scheme}: {what}";
            if (facts.Bottom > height || facts.Top < 0 || facts.Right > width) failures.Add(Fail($"the label spans {facts.Top}–{facts.Bottom} px down, {facts.Right} px across"));
            if (facts.LogoBottom > height) failures.Add(Fail("the national logo is below the first screenful"));
            if (facts.LogoHeight > facts.EmblemHeight) failures.Add(Fail($"the national logo ({facts.LogoHeight} px) is taller than the emblem ({facts.EmblemHeight} px)"));
            foreach (var text in facts.Texts)
            {
                var family = text.FontFamily.Split(',')[0].Trim().Trim('"');
                if (!AllowedTypefaces.Contains(family)) failures.Add(Fail($"\"{text.Text}\" is set in {text.FontFamily}"));
                if (text.FontStyle != "normal") failures.Add(Fail($"\"{text.Text}\" is {text.FontStyle}"));
                if (!AllowedColours.Contains(text.Color)) failures.Add(Fail($"\"{text.Text}\" is {text.Color}"));
                if (text.Decoration != "none") failures.Add(Fail($"\"{text.Text}\" is decorated with {text.Decoration}"));
            }
        }
        Assert.Empty(failures);
    }

    [ChromiumFact]
    public async Task No_page_asks_another_site_for_anything_and_none_breaks_its_security_policy()
    {
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 30, $"expected the bundled site's pages, found {pages.Count}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        var current = "";
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.BaseUrl, StringComparison.Ordinal)) problems.Add($"{current} asks for {request.Url}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error") problems.Add($"{current}: {message.Text}");
        };
        foreach (var path in pages)
        {
            current = path;
            await page.GotoAsync(site.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            // The stylesheet applied: the policy let the site's own CSS in.
            Assert.NotEqual("Times New Roman", (await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily")).Split(',')[0].Trim('"'));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private const string Measure = """
        () => {
          const label = document.querySelector('[data-eu-publicity]');
          const box = label.getBoundingClientRect();
          const emblem = label.querySelector('[data-eu-emblem]').getBoundingClientRect();
          const logo = label.querySelector('[data-national-logo]');
          const texts = [...label.querySelectorAll('.eu-statement, .eu-fund, .eu-slogan')].map(e => {
            const style = getComputedStyle(e);
            return { text: e.textContent, fontFamily: style.fontFamily, fontStyle: style.fontStyle, color: style.color, decoration: style.textDecorationLine };
          });
          return JSON.stringify({ top: box.top, bottom: box.bottom, right: box.right, emblemHeight: emblem.height,
                   logoHeight: logo ? logo.getBoundingClientRect().height : 0, logoBottom: logo ? logo.getBoundingClientRect().bottom : 0, texts });
        }
        """;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public sealed record LabelText(string Text, string FontFamily, string FontStyle, string Color, string Decoration);

    public sealed record LabelFacts(double Top, double Bottom, double Right, double EmblemHeight, double LogoHeight, double LogoBottom, LabelText[] Texts);

    /// <summary>Headless Chromium without its sandbox, which needs privileges a CI container lacks.</summary>
    internal static Task<IBrowser> Launch(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium(), Args = ["--no-sandbox"] });

    /// <summary>The Chromium to drive: VESTIS_CHROMIUM, or the distribution's package (.ci/run installs it).</summary>
    internal static string Chromium()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("VESTIS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
            ?? throw new InvalidOperationException("the browser tests need Chromium: install it (apt-get install chromium) or set VESTIS_CHROMIUM to its path");
    }
}
