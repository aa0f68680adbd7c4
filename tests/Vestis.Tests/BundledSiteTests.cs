using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Vestis.Tests;

/// <summary>End to end over the bundled content: the site the README's build command produces.</summary>
public sealed class BundledSiteTests : IClassFixture<BundledSiteTests.BuiltSite>
{
    public sealed class BuiltSite : IDisposable
    {
        public BuiltSite()
        {
            Output = Directory.CreateTempSubdirectory("vestis-bundled-").FullName;
            Result = SiteBuilder.Build(new BuildOptions(Repository.Content, Repository.Templates, Output, false, new DateOnly(2026, 11, 23), 2));
        }

        public string Output { get; }

        public BuildResult Result { get; }

        public string Read(string path) => File.ReadAllText(Path.Join(Output, path));

        public AngleSharp.Html.Dom.IHtmlDocument Html(string path) => new HtmlParser().ParseDocument(Read(path));

        public void Dispose() => Directory.Delete(Output, recursive: true);
    }

    private readonly BuiltSite site;

    public BundledSiteTests(BuiltSite site) => this.site = site;

    [Fact]
    public void The_bundled_content_builds_without_errors_and_only_asks_for_the_national_logo_artwork()
    {
        // The official "Nacionālais attīstības plāns 2020" artwork is the municipality's to supply, not ours to draw.
        Assert.True(site.Result.Succeeded, string.Join("\n", site.Result.Diagnostics));
        var warning = Assert.Single(site.Result.Diagnostics);
        Assert.Equal(Diagnostics.DiagnosticCodes.NationalLogoMissing, warning.Code);
        Assert.Contains("content/publicity/nap2020.svg", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("lv/index.html")]
    [InlineData("en/index.html")]
    [InlineData("lv/ilukstes-novads/index.html")]
    [InlineData("en/rezeknes-valstspilseta/index.html")]
    [InlineData("lv/ilukstes-novads/2019/deinstitucionalizacijas-projekta-uzsaksana/index.html")]
    [InlineData("en/ilukstes-novads/2019/deinstitutionalisation/index.html")]
    [InlineData("lv/rezeknes-valstspilseta/2020/apstiprinats-deinstitucionalizacijas-projekts/index.html")]
    [InlineData("en/rezeknes-valstspilseta/2020/deinstitutionalisation-project-approved/index.html")]
    [InlineData("lv/projects/9.3.1.1-18-i-003/index.html")]
    [InlineData("en/projects/9.3.1.1-19-i-024/index.html")]
    [InlineData("lv/funds/erdf/index.html")]
    [InlineData("en/measures/9.3.1.1/index.html")]
    [InlineData("lv/feed.xml")]
    [InlineData("en/ilukstes-novads/feed.json")]
    [InlineData("embed/lv/ilukstes-novads/index.html")]
    [InlineData("embed/en/projects/9.3.1.1-19-i-024/index.html")]
    [InlineData("sitemap.xml")]
    [InlineData("robots.txt")]
    [InlineData("404.html")]
    public void Every_page_of_the_url_scheme_is_written(string path) =>
        Assert.True(File.Exists(Path.Join(site.Output, path)), path);

    [Fact]
    public void Project_facts_are_formatted_for_the_page_language()
    {
        var lv = site.Html("lv/projects/9.3.1.1-18-i-003/index.html").QuerySelector("[data-project-facts]")!.TextContent;
        Assert.Contains("447\u00a0060,00\u00a0€", lv);
        Assert.Contains("2019. gada 1. septembris", lv);
        Assert.Contains("85,00\u00a0%", lv);
        Assert.Contains("Eiropas Reģionālās attīstības fonds", lv);

        var en = site.Html("en/projects/9.3.1.1-19-i-024/index.html").QuerySelector("[data-project-facts]")!.TextContent;
        Assert.Contains("€2,485,412.67", en);
        Assert.Contains("€1,591,200.01", en);
        Assert.Contains("64.02%", en);
        Assert.Contains("1 April 2020", en);
        Assert.Contains("€119,180.37", en); // non-eligible costs shown apart
    }

    [Fact]
    public void Amounts_given_as_percentages_are_computed_to_the_cent()
    {
        var facts = site.Html("en/projects/9.3.1.1-18-i-003/index.html").QuerySelector("[data-project-facts]")!.TextContent;
        Assert.Contains("€380,001.00", facts);
        Assert.Contains("€67,059.00", facts);
    }

    [Fact]
    public void A_project_page_lists_its_announcements_in_date_order()
    {
        var items = site.Html("lv/projects/9.3.1.1-18-i-003/index.html").QuerySelectorAll("#timeline ~ ul .item time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(["2019-09-19", "2020-06-05"], items);
    }

    [Fact]
    public void A_municipality_index_lists_newest_first_and_marks_untranslated_announcements()
    {
        var page = site.Html("en/ilukstes-novads/index.html");
        var items = page.QuerySelectorAll(".item").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("lv", items[0].QuerySelector("a")!.GetAttribute("lang"));
        Assert.Equal("lv", items[0].QuerySelector(".item-summary")!.GetAttribute("lang"));
        Assert.Contains("(in Latvian)", items[0].TextContent);
        Assert.Equal("lv", items[0].QuerySelector("a")!.GetAttribute("hreflang"));
        Assert.Null(items[1].QuerySelector("a")!.GetAttribute("lang"));
    }

    [Fact]
    public void A_dissolved_municipality_links_its_successor_and_the_successor_its_predecessor()
    {
        Assert.Contains("/lv/augsdaugavas-novads/", site.Html("lv/ilukstes-novads/index.html").QuerySelector(".notice a")!.GetAttribute("href"));
        Assert.Contains("/en/ilukstes-novads/", site.Html("en/augsdaugavas-novads/index.html").QuerySelector(".notice a")!.GetAttribute("href"));
    }

    [Fact]
    public void Pages_link_their_translations_with_absolute_reciprocal_hreflang()
    {
        var lv = site.Html("lv/ilukstes-novads/2019/deinstitucionalizacijas-projekta-uzsaksana/index.html");
        var en = site.Html("en/ilukstes-novads/2019/deinstitutionalisation/index.html");
        string? Alternate(AngleSharp.Html.Dom.IHtmlDocument d, string lang) =>
            d.QuerySelector($"link[rel=alternate][hreflang={lang}]")?.GetAttribute("href");
        Assert.Equal("https://projekti.example.lv/en/ilukstes-novads/2019/deinstitutionalisation/", Alternate(lv, "en"));
        Assert.Equal("https://projekti.example.lv/lv/ilukstes-novads/2019/deinstitucionalizacijas-projekta-uzsaksana/", Alternate(en, "lv"));
        Assert.Equal(Alternate(lv, "x-default"), Alternate(en, "x-default"));
        Assert.Equal("lv", lv.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void The_language_switcher_leads_home_only_where_no_translation_exists()
    {
        var untranslated = site.Html("lv/ilukstes-novads/2020/dienas-aprupes-centrs-atverts/index.html");
        var english = untranslated.QuerySelector(".languages a[hreflang=en]")!;
        Assert.Equal("/en/", english.GetAttribute("href"));
        Assert.Contains("nav tulkojuma", english.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Feeds_are_valid_atom_and_json_feed_with_absolute_urls()
    {
        var atom = XDocument.Parse(site.Read("lv/ilukstes-novads/feed.xml"));
        XNamespace a = "http://www.w3.org/2005/Atom";
        var entries = atom.Root!.Elements(a + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.StartsWith("https://projekti.example.lv/lv/ilukstes-novads/", e.Element(a + "link")!.Attribute("href")!.Value));
        using var json = System.Text.Json.JsonDocument.Parse(site.Read("en/feed.json"));
        Assert.Equal("https://jsonfeed.org/version/1.1", json.RootElement.GetProperty("version").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void The_sitemap_lists_every_page_with_its_alternates()
    {
        var sitemap = XDocument.Parse(site.Read("sitemap.xml"));
        XNamespace s = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Root!.Elements(s + "url").Select(u => u.Element(s + "loc")!.Value).ToList();
        var pages = Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(site.Output, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("embed/", StringComparison.Ordinal) && p != "index.html")
            .Select(p => "https://projekti.example.lv/" + p[..^"index.html".Length]);
        Assert.Equal(pages.Order(StringComparer.Ordinal), urls.Where(u => u != "https://projekti.example.lv/").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_site_with_more_pages_than_a_sitemap_may_list_has_a_sitemap_index_of_sitemaps_that_list_them_all()
    {
        // sitemaps.org allows 50,000 addresses a sitemap; the bundled site is split at 10 to see the same rule.
        XNamespace s = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var options = new BuildOptions(Repository.Content, Repository.Templates, null, false, new DateOnly(2026, 11, 23), 2);
        var planned = SiteBuilder.Plan(options, new Diagnostics.DiagnosticBag(), new StageClock(BuildProgress.None))!;
        var split = planned.With(Templating.SiteRenderer.Plan(planned.Site, Repository.Templates, sitemapLimit: 10));
        XDocument Made(string path) => XDocument.Parse(System.Text.Encoding.UTF8.GetString(
            split.Make(split.Files.Single(f => f.Path == path), new Diagnostics.DiagnosticBag()).Content!));

        var index = Made("sitemap.xml");
        Assert.Equal(s + "sitemapindex", index.Root!.Name);
        var parts = index.Root.Elements(s + "sitemap").Select(e => e.Element(s + "loc")!.Value).ToList();
        var whole = XDocument.Parse(site.Read("sitemap.xml")).Root!.Elements(s + "url").ToList();
        Assert.Equal(Enumerable.Range(1, (whole.Count + 9) / 10).Select(n => $"https://projekti.example.lv/sitemap-{n}.xml"), parts);
        var listedByPart = parts.Select(url => Made(url["https://projekti.example.lv/".Length..]).Root!.Elements(s + "url").ToList()).ToList();
        Assert.All(listedByPart, listed => Assert.InRange(listed.Count, 1, 10));
        Assert.Equal(whole.Select(u => u.ToString()), listedByPart.SelectMany(listed => listed).Select(u => u.ToString()));
    }

    [Theory]
    [InlineData("lv/funds/erdf/index.html")]
    [InlineData("en/measures/9.3.1.1/index.html")]
    public void Fund_and_measure_pages_list_their_projects_and_leave_the_announcements_to_the_project_pages(string path)
    {
        // At national scale a fund has thousands of projects: their announcements on one page made it megabytes long.
        var page = site.Html(path);
        Assert.Equal(2, page.QuerySelectorAll(".project-list > li").Length);
        Assert.All(page.QuerySelectorAll(".project-list > li h2 a"), a => Assert.Contains("/projects/", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll(".project-list .items, .project-list .item"));
        Assert.All(page.QuerySelectorAll(".project-list > li a.count"), a => Assert.EndsWith("#timeline", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Pages_request_nothing_from_other_hosts()
    {
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = new HtmlParser().ParseDocument(File.ReadAllText(file));
            var resources = page.QuerySelectorAll("script[src], img[src], link[rel=stylesheet], iframe[src]")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? "");
            Assert.All(resources, r => Assert.Matches("^/(?!/)", r));
            // Scripts come from the site's own files; the only inline one allowed is JSON-LD data, which never runs.
            Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
            Assert.Equal(Templating.SecurityPolicy.ForPages,
                page.QuerySelector("head > meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content"));
        }
    }
}
