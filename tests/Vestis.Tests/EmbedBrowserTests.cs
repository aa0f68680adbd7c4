using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Vestis.Tests;

/// <summary>
/// Embeds in headless Chromium, as a municipality's website shows them: the bundled site served on one origin
/// under a strict Content-Security-Policy, and on another origin a host page holding the README's snippets.
/// </summary>
public sealed class EmbedBrowserTests : IClassFixture<EmbedBrowserTests.HostedEmbeds>
{
    /// <summary>The policy the site's pages are held to: nothing inline, nothing from elsewhere.</summary>
    public const string SitePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'";

    public sealed class HostedEmbeds : IAsyncLifetime
    {
        private readonly string root = Directory.CreateTempSubdirectory("vestis-embed-").FullName;
        private IPlaywright? playwright;

        public HostedEmbeds()
        {
            var output = Path.Join(root, "site");
            var result = SiteBuilder.Build(new BuildOptions(Repository.Content, Repository.Templates, output, false, new DateOnly(2026, 11, 23), 2));
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Site = new StaticServer(output, new Dictionary<string, string> { ["Content-Security-Policy"] = SitePolicy });

            var snippets = Snippets(Site.BaseUrl);
            Assert.Equal(2, snippets.Count);
            var host = Path.Join(root, "host");
            Directory.CreateDirectory(host);
            string Page(IEnumerable<string> lines) =>
                $"<!DOCTYPE html>\n<html lang=\"lv\">\n<head><meta charset=\"utf-8\"><title>Ilūkstes novads</title></head>\n<body>\n<h1>Projekti</h1>\n{string.Join("\n", lines)}\n</body>\n</html>\n";
            var lines = snippets.SelectMany(s => s.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
            File.WriteAllText(Path.Join(host, "index.html"), Page(lines));
            // The frames alone, for a test to add the script once they have loaded.
            File.WriteAllText(Path.Join(host, "frames-only.html"), Page(lines.Where(l => l.StartsWith("<iframe", StringComparison.Ordinal))));
            File.WriteAllText(Path.Join(host, "elsewhere.html"), "<!DOCTYPE html>\n<html lang=\"en\">\n<title>Elsewhere</title>\n<p>A page of the host's origin.</p>\n");
            Host = new StaticServer(host);
        }

        public StaticServer Site { get; }

        public StaticServer Host { get; }

        public IBrowser Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            playwright = await Playwright.CreateAsync();
            Browser = await BrowserTests.Launch(playwright);
        }

        public async Task DisposeAsync()
        {
            await Browser.DisposeAsync();
            playwright?.Dispose();
            Site.Dispose();
            Host.Dispose();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }

        /// <summary>The README's embedding snippets, pointed at the served site: what a municipality's web person pastes.</summary>
        private static List<string> Snippets(string siteUrl) =>
            Regex.Matches(File.ReadAllText(Path.Join(Repository.Root, "README.md")), "```html\r?\n(.*?)```", RegexOptions.Singleline)
                .Select(m => m.Groups[1].Value).Where(s => s.Contains("/assets/embed.js", StringComparison.Ordinal))
                .Select(s => s.Replace("https://projekti.example.lv/", siteUrl, StringComparison.Ordinal)).ToList();
    }

    private readonly HostedEmbeds hosted;

    public EmbedBrowserTests(HostedEmbeds hosted) => this.hosted = hosted;

    [ChromiumFact]
    public async Task The_README_snippets_on_another_origin_fit_each_frame_to_its_list()
    {
        var initial = await HeightsWithoutScripts();
        await using var context = await Context();
        var page = await OpenHost(context);
        var frames = await FittedFrames(page);
        Assert.Equal(2, frames.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            var (element, frame) = frames[i];
            Assert.StartsWith(hosted.Site.BaseUrl + "embed/lv/", frame.Url, StringComparison.Ordinal);
            var height = await Height(element);
            var scrollHeight = await frame.EvaluateAsync<double>("() => document.documentElement.scrollHeight");
            Assert.True(height >= scrollHeight, $"{frame.Url}: the frame is {height} px, its document {scrollHeight} px");
            Assert.True(height > initial[i], $"{frame.Url}: the frame is {height} px, as without the script ({initial[i]} px)");
        }
    }

    [ChromiumFact]
    public async Task A_host_script_that_starts_after_the_frames_have_loaded_still_fits_them()
    {
        await using var context = await Context();
        var page = await context.NewPageAsync();
        await page.GotoAsync(hosted.Host.BaseUrl + "frames-only.html");
        await page.AddScriptTagAsync(new() { Url = hosted.Site.BaseUrl + "assets/embed.js" });
        Assert.Equal(2, (await FittedFrames(page)).Count);
    }

    [ChromiumFact]
    public async Task The_scripts_run_under_the_site_policy_and_nothing_is_asked_of_a_third_origin()
    {
        await using var context = await Context();
        var requests = new ConcurrentQueue<string>();
        context.Request += (_, request) => requests.Enqueue(request.Url);
        var page = await context.NewPageAsync();
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Enqueue(message.Text);
        };
        await page.GotoAsync(hosted.Host.BaseUrl);
        var frames = await FittedFrames(page);

        Assert.Empty(violations);
        // The policy is in force in the frames: an inline script does not run there.
        Assert.False(await frames[0].Frame.EvaluateAsync<bool>(
            "() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.head.append(s); return window.inlineRan === true; }"));
        Assert.Contains(hosted.Site.BaseUrl + "assets/embed.js", requests);
        Assert.Contains(hosted.Site.BaseUrl + "assets/embed-frame.js", requests);
        Assert.All(requests, url => Assert.Contains(new Uri(url).GetLeftPart(UriPartial.Authority), new[] { hosted.Site.Origin, hosted.Host.Origin }));
    }

    [ChromiumFact]
    public async Task A_frame_height_is_taken_only_from_the_embedded_site_and_only_when_plausible()
    {
        await using var context = await Context();
        var page = await OpenHost(context);
        var frames = await FittedFrames(page);
        var (element, frame) = frames[0];
        var other = frames[1].Element;
        var fitted = await Height(element);
        var otherFitted = await Height(other);
        // The host's own listener runs after the script's, so a message it has seen the script has handled.
        await page.EvaluateAsync("() => { window.received = []; addEventListener('message', e => received.push(e.data)); }");

        // The right shape from the wrong origin: the host page itself, and a page of the host's origin shown in a frame
        // whose src still names the site.
        await page.EvaluateAsync("() => postMessage({ type: 'vestis:height', height: 5000 }, '*')");
        var elsewhere = hosted.Host.BaseUrl + "elsewhere.html";
        await page.EvaluateAsync("url => { document.querySelectorAll('iframe')[1].contentWindow.location = url; }", elsewhere);
        // Readable from the host once it shows the host's origin.
        await page.WaitForFunctionAsync("""
            url => { try { const w = document.querySelectorAll('iframe')[1].contentWindow; return w.location.href === url && w.document.readyState === 'complete'; } catch (e) { return false; } }
            """, elsewhere);
        await (await other.ContentFrameAsync())!.EvaluateAsync("() => parent.postMessage({ type: 'vestis:height', height: 5000 }, '*')");
        // The site's origin, but a window of it that is not one of the frames.
        var popup = await page.RunAndWaitForPopupAsync(() => page.EvaluateAsync("url => { open(url); }", frame.Url));
        await popup.WaitForLoadStateAsync();
        await popup.EvaluateAsync("() => opener.postMessage({ type: 'vestis:height', height: 5000 }, '*')");
        // The right frame, heights no list has.
        await frame.EvaluateAsync("() => { for (const height of [1e9, -40, 0, '5000', NaN, Infinity, null]) parent.postMessage({ type: 'vestis:height', height }, '*'); }");
        await page.WaitForFunctionAsync("() => received.length >= 10");
        Assert.Equal(fitted, await Height(element));
        Assert.Equal(otherFitted, await Height(other));

        await frame.EvaluateAsync("() => parent.postMessage({ type: 'vestis:height', height: 777 }, '*')");
        await page.WaitForFunctionAsync("() => received.some(d => d && d.height === 777)");
        Assert.Equal(777, await Height(element));
    }

    [ChromiumFact]
    public async Task A_link_in_a_frame_opens_in_the_top_window()
    {
        await using var context = await Context();
        var page = await OpenHost(context);
        var link = page.Locator("iframe").First.ContentFrame.Locator(".item-title a").First;
        var href = (await link.GetAttributeAsync("href"))!;
        await link.ClickAsync();
        await page.WaitForURLAsync(hosted.Site.Origin + href);
        Assert.Single(context.Pages);
    }

    [ChromiumFact]
    public async Task Without_JavaScript_a_frame_shows_its_list_and_a_link_to_the_full_page()
    {
        await using var context = await Context(javaScript: false);
        var page = await OpenHost(context);
        var list = page.Locator("iframe").First.ContentFrame;
        Assert.True(await list.Locator(".item").First.IsVisibleAsync());
        var fallback = list.Locator("noscript a");
        Assert.True(await fallback.IsVisibleAsync());
        Assert.Equal("/lv/ilukstes-novads/", await fallback.GetAttributeAsync("href"));
    }

    /// <summary>A fresh browser profile with a phone's screen, whose waits give up long before the test run's.</summary>
    private async Task<IBrowserContext> Context(bool javaScript = true)
    {
        var context = await hosted.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 640 }, JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(10_000);
        return context;
    }

    private async Task<IPage> OpenHost(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        // The load event waits for the frames' documents and their scripts.
        await page.GotoAsync(hosted.Host.BaseUrl);
        return page;
    }

    /// <summary>The frames of the host page once the script has sized them and each one's document fits in it without scrolling.</summary>
    private static async Task<List<(IElementHandle Element, IFrame Frame)>> FittedFrames(IPage page)
    {
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('iframe')].every(f => f.style.height.endsWith('px'))");
        var frames = new List<(IElementHandle, IFrame)>();
        foreach (var element in await page.QuerySelectorAllAsync("iframe"))
        {
            var frame = (await element.ContentFrameAsync())!;
            await frame.WaitForFunctionAsync("() => document.documentElement.scrollHeight <= window.innerHeight");
            frames.Add((element, frame));
        }
        return frames;
    }

    /// <summary>The height of each frame on the host page, as the snippet alone sets it.</summary>
    private async Task<List<double>> HeightsWithoutScripts()
    {
        await using var context = await Context(javaScript: false);
        var page = await OpenHost(context);
        var heights = new List<double>();
        foreach (var element in await page.QuerySelectorAllAsync("iframe")) heights.Add(await Height(element));
        return heights;
    }

    private static async Task<double> Height(IElementHandle frame) => (await frame.BoundingBoxAsync())!.Height;
}
