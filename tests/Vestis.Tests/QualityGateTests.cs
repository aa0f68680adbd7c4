using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Vestis.Tests;

/// <summary>
/// The citizens' quality gate (EN 301 549, that is WCAG 2.1 AA), in Chromium over the bundled site served by nginx:
/// axe-core finds no A or AA violation and the Nu Html Checker no error on one page of each type in each language;
/// keyboard users skip to the content and see their focus; pages reflow on a phone, read without JavaScript and print
/// cleanly; screenshots at phone and desktop size are written as artefacts and each page type's weight is reported.
/// </summary>
public sealed class QualityGateTests : IClassFixture<BrowserTests.ServedSite>
{
    private static readonly (int Width, int Height)[] Screens = [(360, 640), (1366, 768)];

    private readonly BrowserTests.ServedSite site;
    private readonly ITestOutputHelper output;

    public QualityGateTests(BrowserTests.ServedSite site, ITestOutputHelper output)
    {
        this.site = site;
        this.output = output;
    }

    [Fact]
    public void Every_kind_of_page_is_checked()
    {
        var names = site.PageTypes.Select(t => t.Name).ToList();
        output.WriteLine(string.Join("\n", names));
        foreach (var expected in new[]
        {
            "chooser /", "404 /no-such-page/", "home /lv/", "home /en/", "404 /lv/no-such-page/", "404 /en/no-such-page/",
            "search /lv/search/", "search /en/search/", "accessibility /lv/accessibility/", "accessibility /en/accessibility/",
            "municipality /lv/ilukstes-novads/page/2/", "municipality /en/ilukstes-novads/page/2/",
        })
            Assert.Contains(expected, names);
        foreach (var language in new[] { "lv", "en" })
        foreach (var kind in new[] { "municipality /", "announcement /", "announcement with EU label /", "project with EU label /", "fund /", "measure /", "embed /embed/" })
            Assert.Contains(names, n => n.StartsWith(kind, StringComparison.Ordinal) && n.Contains($"/{language}/", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Axe_finds_no_WCAG_2_1_A_or_AA_violation_on_any_kind_of_page_in_light_or_dark()
    {
        var axe = Tool("axe-core/axe.min.js");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.Launch(playwright);
        var failures = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            // axe is injected as a script of its own, which the pages' Content-Security-Policy rightly refuses.
            var page = await browser.NewPageAsync(new() { BypassCSP = true, ColorScheme = scheme });
            foreach (var type in site.PageTypes)
            {
                await page.GotoAsync(site.BaseUrl + type.Url, new() { WaitUntil = WaitUntilState.NetworkIdle });
                await page.AddScriptTagAsync(new() { Path = axe });
                var violations = await page.EvaluateAsync<string>(RunAxe);
                foreach (var violation in JsonSerializer.Deserialize<AxeViolation[]>(violations, JsonOptions)!)
                    failures.Add($"{type.Name} ({scheme}): {violation.Id} ({violation.Impact}) {violation.Help}: {string.Join(", ", violation.Targets)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_Nu_Html_Checker_finds_no_error_on_any_kind_of_page_nor_in_the_stylesheet()
    {
        var files = site.PageTypes.Select(t => Path.Join(site.Output, t.File)).Append(Path.Join(site.Output, "assets", "style.css"));
        var (_, standardOutput, report) = VestisProcess.RunProgram("java",
            ["-jar", Tool("vnu-jar/build/dist/vnu.jar"), "--errors-only", "--also-check-css", "--format", "json", .. files]);
        var messages = JsonDocument.Parse(report).RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => $"{Path.GetRelativePath(site.Output, m.GetProperty("url").GetString()!.Replace("file:", "", StringComparison.Ordinal))}"
                + $"({(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}): {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(messages.Count == 0, string.Join("\n", messages) + standardOutput);
    }

    [ChromiumFact]
    public async Task Every_kind_of_page_is_photographed_on_a_phone_and_a_desktop_and_its_weight_reported()
    {
        var folder = Path.Join(Artifacts(), "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.EnumerateFiles(folder, "*.png")) File.Delete(old);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.Launch(playwright);
        var weights = new List<string>();
        var failures = new List<string>();
        foreach (var (width, height) in Screens)
        foreach (var type in site.PageTypes)
        {
            // A fresh page each time, so that the weight counts the stylesheet and scripts a first visit loads.
            await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            var responses = new List<IResponse>();
            // A redirect has no body of its own; the response it leads to is counted.
            page.Response += (_, response) =>
            {
                if (response.Status is < 300 or >= 400) responses.Add(response);
            };
            await page.GotoAsync(site.BaseUrl + type.Url, new() { WaitUntil = WaitUntilState.NetworkIdle });
            // WCAG 1.4.10: content reflows to the width of a phone, with no scrolling sideways.
            var overflowing = await page.EvaluateAsync<string[]>(Overflowing);
            if (overflowing.Length > 0) failures.Add($"{type.Name} at {width} px is wider than the screen: {string.Join(", ", overflowing)}");
            var name = type.Url.Length == 0 ? "root" : type.Url.TrimEnd('/').Replace('/', '_');
            await page.ScreenshotAsync(new() { Path = Path.Join(folder, $"{name}-{width}x{height}.png"), FullPage = true });
            if (width != Screens[0].Width) continue;
            long bytes = 0;
            foreach (var response in responses) bytes += (await response.BodyAsync()).Length;
            weights.Add($"{bytes,9:N0} bytes in {responses.Count} files: {type.Name}");
        }
        var report = $"Page weight (HTML, CSS, scripts, images and data each page loads, uncompressed):\n{string.Join("\n", weights)}\n";
        await File.WriteAllTextAsync(Path.Join(Artifacts(), "page-weight.txt"), report);
        output.WriteLine($"Screenshots in {folder}\n{report}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(site.PageTypes.Count * Screens.Length, Directory.EnumerateFiles(folder, "*.png").Count());
        // Small enough to come in the first round trips on a slow phone connection, and cached by every page after.
        Assert.InRange(new FileInfo(Path.Join(site.Output, "assets", "style.css")).Length, 1, 14_000);
    }

    [ChromiumFact]
    public async Task Keyboard_users_skip_to_the_content_and_always_see_where_the_focus_is()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.Launch(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var failures = new List<string>();
        foreach (var type in site.PageTypes)
        {
            await page.GotoAsync(site.BaseUrl + type.Url);
            foreach (var problem in await page.EvaluateAsync<string[]>(Structure)) failures.Add($"{type.Name}: {problem}");
            if (type.Name.StartsWith("embed", StringComparison.Ordinal)) continue;
            await page.Keyboard.PressAsync("Tab");
            var first = await page.EvaluateAsync<string>(FocusedElement);
            if (!first.StartsWith("skip-link visible", StringComparison.Ordinal)) failures.Add($"{type.Name}: the first Tab reaches \"{first}\", not a visible skip link");
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.PressAsync("Tab");
            if (!await page.EvaluateAsync<bool>("document.activeElement.closest('main') !== null"))
                failures.Add($"{type.Name}: after the skip link, Tab reaches \"{await page.EvaluateAsync<string>(FocusedElement)}\" outside the main content");
            for (var i = 0; i < 6 && !await page.EvaluateAsync<bool>("document.activeElement === document.body"); i++)
            {
                var focused = await page.EvaluateAsync<string>(FocusedElement);
                if (!focused.Contains("outlined", StringComparison.Ordinal)) failures.Add($"{type.Name}: the focus on \"{focused}\" is not visible");
                await page.Keyboard.PressAsync("Tab");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [ChromiumFact]
    public async Task An_announcement_prints_without_navigation_in_black_on_white_with_its_EU_label()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.Launch(playwright);
        var page = await browser.NewPageAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var failures = new List<string>();
        foreach (var type in site.PageTypes.Where(t => t.Name.StartsWith("announcement", StringComparison.Ordinal)))
        {
            await page.GotoAsync(site.BaseUrl + type.Url);
            foreach (var selector in new[] { ".skip-link", ".site-search", "nav.languages", ".site-footer" })
                if (await page.Locator(selector).IsVisibleAsync()) failures.Add($"{type.Name}: {selector} is printed");
            if (await page.EvaluateAsync<string>("getComputedStyle(document.body).color") != "rgb(0, 0, 0)") failures.Add($"{type.Name}: the text is not black");
            var labelled = type.Name.Contains("EU label", StringComparison.Ordinal);
            if (labelled && !await page.Locator("[data-eu-publicity]").IsVisibleAsync()) failures.Add($"{type.Name}: the EU label is not printed");
            await page.PdfAsync(new() { Path = Path.Join(Artifacts(), type.Url.TrimEnd('/').Replace('/', '_') + ".pdf"), Format = "A4" });
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [ChromiumFact]
    public async Task Every_page_reads_with_JavaScript_off()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.Launch(playwright);
        var page = await browser.NewPageAsync(new() { JavaScriptEnabled = false });
        var failures = new List<string>();
        foreach (var type in site.PageTypes)
        {
            await page.GotoAsync(site.BaseUrl + type.Url);
            var heading = await page.Locator("main h1").First.InnerTextAsync();
            if (string.IsNullOrWhiteSpace(heading)) failures.Add($"{type.Name}: no heading to read");
            if (type.Name.StartsWith("search", StringComparison.Ordinal) && !await page.Locator("main .notice").IsVisibleAsync())
                failures.Add($"{type.Name}: nothing says that search needs JavaScript");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Where screenshots and printed pages go: VESTIS_ARTIFACTS, or artifacts/ beside the test binaries.</summary>
    private static string Artifacts()
    {
        var folder = Environment.GetEnvironmentVariable("VESTIS_ARTIFACTS") is { Length: > 0 } set ? set : Path.Join(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A file of the checkers that <c>npm ci</c> installs in tests/browser-tools.</summary>
    private static string Tool(string path)
    {
        var folder = Path.Join(Repository.Root, "tests", "browser-tools");
        var file = Path.Join(folder, "node_modules", path);
        return File.Exists(file) ? file
            : throw new InvalidOperationException($"{file} is missing: install the quality gate's checkers with `npm ci --ignore-scripts --prefix {folder}` (.ci/run does)");
    }

    private const string RunAxe = """
        async () => {
          const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
          return JSON.stringify(results.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })));
        }
        """;

    /// <summary>The innermost elements that reach past the right edge of the viewport.</summary>
    private const string Overflowing = """
        () => [...document.body.querySelectorAll('*')]
          .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5 && ![...e.children].some(c => c.getBoundingClientRect().right > innerWidth + 0.5))
          .map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''} "${e.textContent.trim().slice(0, 30)}" (${Math.round(e.getBoundingClientRect().right)} px)`)
        """;

    /// <summary>Where the focus is, whether it lies in the viewport and whether an outline of at least 2 px shows it.</summary>
    private const string FocusedElement = """
        () => {
          const e = document.activeElement;
          const box = e.getBoundingClientRect();
          const style = getComputedStyle(e);
          const visible = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight;
          const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          return `${e.className || e.tagName.toLowerCase()}${visible ? ' visible' : ''}${outlined ? ' outlined' : ''}: ${e.textContent.trim().slice(0, 40)}`;
        }
        """;

    /// <summary>
    /// What a screen reader user navigates by: one h1 and no skipped heading level, a main landmark (and banner and
    /// contentinfo outside embeds), a language menu with a name whose links each say their language, tables with headers.
    /// </summary>
    private const string Structure = """
        () => {
          const problems = [];
          const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
          if (levels.filter(l => l === 1).length !== 1) problems.push(`${levels.filter(l => l === 1).length} h1 headings`);
          levels.forEach((l, i) => { if (i > 0 && l > levels[i - 1] + 1) problems.push(`h${l} follows h${levels[i - 1]}`); });
          if (document.querySelectorAll('main').length !== 1) problems.push('not one main landmark');
          if (!document.body.classList.contains('page-embed')) {
            if (!document.querySelector('body > header')) problems.push('no banner');
            if (!document.querySelector('body > footer')) problems.push('no contentinfo');
          }
          for (const nav of document.querySelectorAll('nav.languages')) {
            if (!nav.getAttribute('aria-label')) problems.push('an unnamed language menu');
            for (const a of nav.querySelectorAll('a'))
              if (!a.lang || a.lang !== a.hreflang) problems.push(`language link "${a.textContent}" lacks lang and hreflang`);
          }
          for (const table of document.querySelectorAll('main table'))
            if (!table.querySelector('th')) problems.push('a table without headers');
          return problems;
        }
        """;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record AxeViolation(string Id, string? Impact, string Help, string[] Targets);
}
