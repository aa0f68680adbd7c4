using System.Xml.Linq;

namespace Vestis.Tests;

/// <summary>
/// The lists other sites frame (<c>/embed/&lt;lang&gt;/&lt;municipality-id&gt;/</c>, <c>/embed/&lt;lang&gt;/projects/&lt;id&gt;/</c>),
/// as the bundled site builds them: every one there, without site chrome, not indexed, usable without JavaScript.
/// </summary>
public sealed class EmbedTests : IClassFixture<BundledSiteTests.BuiltSite>
{
    private const string BaseUrl = "https://projekti.example.lv";

    private readonly BundledSiteTests.BuiltSite site;

    public EmbedTests(BundledSiteTests.BuiltSite site) => this.site = site;

    [Fact]
    public void Every_municipality_and_every_project_has_an_embed_in_every_language()
    {
        var municipalities = Directory.EnumerateFiles(Path.Join(Repository.Content, "municipalities"), "*.yml").Select(Path.GetFileNameWithoutExtension);
        var projects = Directory.EnumerateDirectories(Path.Join(site.Output, "lv", "projects")).Select(Path.GetFileName);
        var expected = new[] { "lv", "en" }.SelectMany(l => municipalities.Select(m => $"embed/{l}/{m}/index.html")
            .Concat(projects.Select(p => $"embed/{l}/projects/{p}/index.html"))).Order(StringComparer.Ordinal).ToList();
        var embeds = Directory.EnumerateFiles(Path.Join(site.Output, "embed"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        // Three municipalities and two projects, in two languages.
        Assert.Equal(10, expected.Count);
        Assert.Equal(expected, embeds);
    }

    [Theory]
    [InlineData("embed/lv/ilukstes-novads/index.html")]
    [InlineData("embed/en/projects/9.3.1.1-18-i-003/index.html")]
    public void An_embed_has_no_site_chrome_and_opens_links_in_the_top_window(string path)
    {
        var embed = site.Html(path);
        Assert.Empty(embed.QuerySelectorAll("header, nav, footer, .skip-link"));
        Assert.Equal("_top", embed.QuerySelector("base")!.GetAttribute("target"));
        Assert.Equal(2, embed.QuerySelectorAll(".item").Length);
    }

    [Theory]
    [InlineData("embed/lv/ilukstes-novads/index.html", "/lv/ilukstes-novads/")]
    [InlineData("embed/en/projects/9.3.1.1-18-i-003/index.html", "/en/projects/9.3.1.1-18-i-003/")]
    public void An_embed_is_not_indexed_and_names_its_full_page_as_canonical(string path, string fullPage)
    {
        var embed = site.Html(path);
        Assert.Equal("noindex", embed.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal(BaseUrl + fullPage, embed.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("embed/lv/ilukstes-novads/index.html", "/lv/ilukstes-novads/")]
    [InlineData("embed/en/projects/9.3.1.1-18-i-003/index.html", "/en/projects/9.3.1.1-18-i-003/")]
    public void Without_JavaScript_an_embed_links_its_full_page(string path, string fullPage)
    {
        var embed = site.Html(path);
        var fallback = Assert.Single(embed.QuerySelectorAll("noscript a"));
        Assert.Equal(fullPage, fallback.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(fallback.TextContent));
        Assert.Equal(fullPage, embed.QuerySelector("h1 a")!.GetAttribute("href"));
    }

    [Fact]
    public void An_embed_loads_the_frame_script_from_the_site_and_the_host_script_is_served_beside_it()
    {
        var script = Assert.Single(site.Html("embed/lv/ilukstes-novads/index.html").QuerySelectorAll("script"));
        Assert.Equal("/assets/embed-frame.js", script.GetAttribute("src"));
        Assert.Equal("", script.TextContent);
        Assert.True(File.Exists(Path.Join(site.Output, "assets/embed-frame.js")));
        Assert.True(File.Exists(Path.Join(site.Output, "assets/embed.js")));
    }

    [Theory]
    [InlineData("embed/lv/projects/9.3.1.1-18-i-003/index.html", "9.3.1.1/18/I/003", "Eiropas Reģionālās attīstības fonds")]
    [InlineData("embed/en/projects/9.3.1.1-19-i-024/index.html", "9.3.1.1/19/I/024", "European Regional Development Fund")]
    public void A_project_embed_carries_the_project_s_EU_label_and_facts_card_so_the_host_page_publicises_the_support(
        string path, string number, string fund)
    {
        // Framed on the beneficiary's website, the embed is that website's publicity about the project; the audit holds it to the label's rules.
        var embed = site.Html(path);
        var label = embed.QuerySelectorAll("[data-eu-publicity]").Single();
        Assert.NotNull(label.QuerySelector("svg[data-eu-emblem]"));
        Assert.Contains(fund, label.TextContent, StringComparison.Ordinal);
        Assert.Equal(number, embed.QuerySelector("[data-project-facts] [data-fact=number]")!.TextContent.Trim());
        Assert.Empty(site.Html("embed/lv/ilukstes-novads/index.html").QuerySelectorAll("[data-eu-publicity], [data-project-facts]"));
    }

    [Fact]
    public void A_project_embed_lists_the_project_announcements_in_date_order_under_its_number_and_name()
    {
        var embed = site.Html("embed/lv/projects/9.3.1.1-18-i-003/index.html");
        Assert.Equal("9.3.1.1/18/I/003 Pakalpojumu infrastruktūras attīstība deinstitucionalizācijas plāna īstenošanai Ilūkstes novadā",
            embed.QuerySelector("h1")!.TextContent);
        Assert.Equal(["2019-09-19", "2020-06-05"], embed.QuerySelectorAll(".item time").Select(t => t.GetAttribute("datetime")));
        Assert.Equal("lv", embed.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Embeds_are_left_out_of_the_sitemap()
    {
        XNamespace s = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Parse(site.Read("sitemap.xml")).Root!.Elements(s + "url").Select(u => u.Element(s + "loc")!.Value).ToList();
        Assert.Contains(BaseUrl + "/lv/projects/9.3.1.1-18-i-003/", urls);
        Assert.DoesNotContain(urls, u => u.Contains("/embed/", StringComparison.Ordinal));
    }
}
