using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using Vestis.Feeds;
using Vestis.Output;

namespace Vestis.Tests;

/// <summary>
/// What leaves the site for other programs: Atom and JSON feeds, the projects as open data (CSV and JSON),
/// and the metadata pages give search engines and link previews (JSON-LD, Open Graph). Every file is read
/// with a real parser for its format: System.ServiceModel.Syndication for Atom, CsvHelper for CSV,
/// System.Text.Json for JSON.
/// </summary>
public sealed class SyndicationTests : IClassFixture<SyndicationTests.FeedSite>
{
    private const string Base = "https://projekti.example.lv/";
    private const string Reform = "announcements/augsdaugavas-novads/2021-07-01-sakums.lv.md";

    private static readonly Dictionary<string, string?> Changes = new()
    {
        ["municipalities/augsdaugavas-novads.yml"] = """
            name: { lv: Augšdaugavas novads, en: Augšdaugava Municipality }
            website: https://www.augsdaugavasnovads.lv/
            """,
        // A news item without author or project, with a site-relative link, a fragment link and an image beside it.
        [Reform] = """
            ---
            title: Darbu sāk Augšdaugavas novads
            date: 2021-07-01
            kind: news
            tags: [reforma]
            ---
            Augšdaugavas novadā apvienoti Ilūkstes un Daugavpils novadi. Sk. [projektu](../ilukstes-novads/2019-09-19-projekts.lv.md) un [beigas](#beigas).

            ![Novada karte](2021-07-01-sakums/karte.svg)
            """,
        ["announcements/augsdaugavas-novads/2021-07-01-sakums/karte.svg"] =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>",
        ["announcements/augsdaugavas-novads/2021-08-01-melnraksts.lv.md"] = """
            ---
            title: Melnraksts
            date: 2021-08-01
            draft: true
            ---
            Vēl nav gatavs.
            """,
        ["announcements/augsdaugavas-novads/2027-01-05-nakotne.lv.md"] = """
            ---
            title: Nākotnes paziņojums
            date: 2027-01-05
            ---
            Parādīsies janvārī.
            """,
    };

    public sealed class FeedSite() : BuiltSite(Changes);

    private readonly FeedSite fixture;

    public SyndicationTests(FeedSite fixture) => this.fixture = fixture;

    private TestSite Site => fixture.Site;

    private IEnumerable<string> Files(string name) =>
        Directory.EnumerateFiles(Site.Output, name, SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    /// <summary>Empty, short and several-MB documents (the sitemap, project lists and search indexes at national scale), in characters of 1 to 3 bytes.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_537)]
    [InlineData(3_000_001)]
    public void Generated_documents_of_any_length_are_written_whole(int characters)
    {
        var text = string.Concat(Enumerable.Range(0, characters).Select(i => "aā€"[i % 3]));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), Utf8Document.Text(w => w.Write(text)));
        var json = Utf8Document.Json(default, w => w.WriteStringValue(text));
        Assert.Equal(text, JsonSerializer.Deserialize<string>(json));
        Assert.Equal((byte)'\n', json[^1]);
        var xml = new XmlDocument();
        xml.LoadXml(System.Text.Encoding.UTF8.GetString(Utf8Document.Xml(new XmlWriterSettings(), w => w.WriteElementString("t", text))));
        Assert.Equal(text, xml.DocumentElement!.InnerText);
    }

    [Fact]
    public void Every_language_and_municipality_in_it_has_atom_and_json_feeds_and_project_data()
    {
        Assert.True(fixture.Result.Succeeded, string.Join("\n", fixture.Result.Diagnostics));
        string[] scopes = ["lv/", "en/", "lv/ilukstes-novads/", "lv/augsdaugavas-novads/", "en/ilukstes-novads/", "en/augsdaugavas-novads/"];
        foreach (var scope in scopes)
            foreach (var file in new[] { "feed.xml", "feed.json", "projects.csv", "projects.json" })
                Assert.True(File.Exists(Path.Join(Site.Output, scope + file)), $"{scope}{file} is missing");
    }

    [Fact]
    public void Atom_feeds_parse_with_absolute_urls_an_author_language_and_categories()
    {
        var feeds = Files("feed.xml").ToList();
        Assert.Equal(6, feeds.Count);
        foreach (var path in feeds)
        {
            using var reader = XmlReader.Create(Path.Join(Site.Output, path));
            var feed = SyndicationFeed.Load(reader);
            var language = path[..2];
            Assert.Equal(language, feed.Language);
            Assert.NotEmpty(feed.Authors);
            Assert.Equal(Base + path, feed.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
            Assert.StartsWith(Base + language + "/", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri, StringComparison.Ordinal);
            foreach (var item in feed.Items)
            {
                var link = item.Links.Single().Uri.AbsoluteUri;
                Assert.StartsWith(Base + language + "/", link, StringComparison.Ordinal);
                Assert.Equal(link, item.Id);
                Assert.Equal("html", Assert.IsType<TextSyndicationContent>(item.Content).Type);
                Assert.NotEmpty(item.Categories);
                Assert.True(item.LastUpdatedTime >= item.PublishDate, $"{path}: {item.Id} was updated before it was published");
            }
        }
    }

    [Fact]
    public void A_feed_lists_the_published_announcements_in_its_language_newest_first_with_dates_from_the_content()
    {
        using var reader = XmlReader.Create(Path.Join(Site.Output, "lv/feed.xml"));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal([Base + "lv/augsdaugavas-novads/2021/sakums/", Base + "lv/ilukstes-novads/2019/projekts/"], feed.Items.Select(i => i.Id));
        var reform = feed.Items.First();
        Assert.Equal(new DateTimeOffset(2021, 7, 1, 0, 0, 0, TimeSpan.Zero), reform.PublishDate);
        Assert.Equal(reform.PublishDate, feed.LastUpdatedTime);
        Assert.Equal(["Jaunums", "reforma"], reform.Categories.Select(c => c.Name));
        // Without an author of its own, the entry's author is the feed's: the site.
        Assert.Empty(reform.Authors);
        Assert.Equal("Paziņojumi", feed.Authors.Single().Name);
    }

    [Fact]
    public void A_feed_entry_carries_the_whole_body_with_its_links_and_images_made_absolute()
    {
        using var reader = XmlReader.Create(Path.Join(Site.Output, "lv/augsdaugavas-novads/feed.xml"));
        var html = ((TextSyndicationContent)SyndicationFeed.Load(reader).Items.Single().Content).Text;
        Assert.Contains($"href=\"{Base}lv/ilukstes-novads/2019/projekts/\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Base}lv/augsdaugavas-novads/2021/sakums/#beigas\"", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"{Base}files/augsdaugavas-novads/2021-07-01-sakums/karte.svg\"", html, StringComparison.Ordinal);
        Assert.Contains("apvienoti Ilūkstes un Daugavpils novadi", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_feeds_are_json_feed_1_1_with_absolute_urls_authors_and_rfc_3339_dates()
    {
        foreach (var path in Files("feed.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Join(Site.Output, path)));
            var feed = json.RootElement;
            var language = path[..2];
            Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
            Assert.Equal(Base + path, feed.GetProperty("feed_url").GetString());
            Assert.StartsWith(Base + language + "/", feed.GetProperty("home_page_url").GetString(), StringComparison.Ordinal);
            Assert.Equal(language, feed.GetProperty("language").GetString());
            Assert.False(string.IsNullOrEmpty(feed.GetProperty("authors")[0].GetProperty("name").GetString()));
            foreach (var item in feed.GetProperty("items").EnumerateArray())
            {
                Assert.StartsWith(Base + language + "/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
                Assert.Equal(item.GetProperty("url").GetString(), item.GetProperty("id").GetString());
                Assert.False(string.IsNullOrEmpty(item.GetProperty("content_html").GetString()));
                Assert.False(string.IsNullOrEmpty(item.GetProperty("title").GetString()));
                var published = DateTimeOffset.ParseExact(item.GetProperty("date_published").GetString()!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                var modified = DateTimeOffset.ParseExact(item.GetProperty("date_modified").GetString()!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                Assert.True(modified >= published);
                Assert.Equal(language, item.GetProperty("language").GetString());
                Assert.NotEqual(0, item.GetProperty("tags").GetArrayLength());
            }
        }
    }

    [Fact]
    public void Drafts_and_future_announcements_never_enter_feeds_or_data_not_even_in_a_preview()
    {
        // A preview (serve) shows drafts and future announcements on pages; what readers keep must never have them.
        using var preview = new TestSite(Changes);
        var result = SiteBuilder.Build(new BuildOptions(preview.Content, Repository.Templates, preview.Output, IncludeDrafts: true,
            new DateOnly(2026, 11, 23), 2, IncludeFuture: true));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(Path.Join(preview.Output, "lv/augsdaugavas-novads/2021/melnraksts/index.html")));
        Assert.True(File.Exists(Path.Join(preview.Output, "lv/augsdaugavas-novads/2027/nakotne/index.html")));
        foreach (var file in new[] { "lv/feed.xml", "lv/feed.json", "lv/augsdaugavas-novads/feed.xml", "lv/augsdaugavas-novads/feed.json", "lv/projects.json", "lv/projects.csv" })
        {
            var text = preview.Page(file);
            Assert.DoesNotContain("melnraksts", text, StringComparison.Ordinal);
            Assert.DoesNotContain("nakotne", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Project_data_in_csv_has_the_documented_columns_and_amounts_to_the_cent()
    {
        using var reader = new StreamReader(Path.Join(Site.Output, "lv/projects.csv"));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" });
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(ProjectData.CsvColumns, csv.HeaderRecord);
        Assert.Equal(
            ["project_number", "name", "beneficiary", "municipality_id", "municipality", "country", "location", "programme_period", "funds",
             "measure_code", "measure_name", "start_date", "end_date", "status", "currency", "total_cost", "eu_amount", "eu_rate_percent",
             "state_budget_amount", "municipality_amount", "private_amount", "other_amount", "non_eligible_amount", "project_url", "announcement_urls"],
            csv.HeaderRecord!);
        Assert.True(csv.Read());
        Assert.Equal("9.3.1.1/18/I/003", csv["project_number"]);
        Assert.Equal("Pakalpojumu infrastruktūras attīstība Ilūkstes novadā", csv["name"]);
        Assert.Equal("Ilūkstes novads", csv["beneficiary"]);
        Assert.Equal("Ilūkstes novads", csv["municipality"]);
        Assert.Equal("LV", csv["country"]);
        Assert.Equal("2014-2020", csv["programme_period"]);
        Assert.Equal("ERDF", csv["funds"]);
        Assert.Equal("Pakalpojumu infrastruktūras attīstība", csv["measure_name"]);
        Assert.Equal("2019-09-01", csv["start_date"]);
        Assert.Equal("2020-05-31", csv["end_date"]);
        Assert.Equal("completed", csv["status"]);
        Assert.Equal("447060.00", csv["total_cost"]);
        Assert.Equal("380001.00", csv["eu_amount"]);
        Assert.Equal("85.00", csv["eu_rate_percent"]);
        Assert.Equal("67059.00", csv["state_budget_amount"]);
        var parts = new[] { "eu_amount", "state_budget_amount", "municipality_amount", "private_amount", "other_amount" }
            .Sum(c => decimal.Parse(csv[c]!, CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(csv["total_cost"]!, CultureInfo.InvariantCulture), parts);
        Assert.Equal(Base + "lv/projects/9.3.1.1-18-i-003/", csv["project_url"]);
        Assert.Equal(Base + "lv/ilukstes-novads/2019/projekts/", csv["announcement_urls"]);
        Assert.False(csv.Read());
    }

    [Fact]
    public void Project_data_in_json_says_what_the_csv_says_with_each_funding_source()
    {
        using var json = JsonDocument.Parse(Site.Page("en/projects.json"));
        Assert.Equal("en", json.RootElement.GetProperty("language").GetString());
        var project = json.RootElement.GetProperty("projects").EnumerateArray().Single();
        Assert.Equal("Development of service infrastructure in Ilūkste Municipality", project.GetProperty("name").GetString());
        Assert.Equal("Development of service infrastructure", project.GetProperty("measure_name").GetString());
        Assert.Equal(447060.00m, project.GetProperty("total_cost").GetDecimal());
        Assert.Equal("447060.00", project.GetProperty("total_cost").GetRawText());
        Assert.Equal(85.00m, project.GetProperty("eu_rate_percent").GetDecimal());
        var sources = project.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["ERDF", "state-budget"], sources.Select(s => s.GetProperty("source").GetString()));
        Assert.Equal(["European Regional Development Fund", "State budget"], sources.Select(s => s.GetProperty("label").GetString()));
        Assert.Equal(project.GetProperty("total_cost").GetDecimal(), sources.Sum(s => s.GetProperty("amount").GetDecimal()));
        Assert.Equal([Base + "en/ilukstes-novads/2019/project-begins/"], project.GetProperty("announcement_urls").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public void Every_data_file_parses_and_lists_the_projects_of_its_scope_in_both_formats_alike()
    {
        foreach (var path in Files("projects.csv"))
        {
            using var reader = new StreamReader(Path.Join(Site.Output, path));
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" });
            var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
            using var json = JsonDocument.Parse(Site.Page(path[..^"csv".Length] + "json"));
            var projects = json.RootElement.GetProperty("projects").EnumerateArray().ToList();
            Assert.Equal(projects.Count, rows.Count);
            // The site's one project is Ilūkste's: it is in the languages' lists and Ilūkste's, not Augšdaugava's.
            Assert.Equal(path.Contains("augsdaugavas", StringComparison.Ordinal) ? 0 : 1, rows.Count);
            foreach (var (row, project) in rows.Zip(projects))
            {
                Assert.Equal(ProjectData.CsvColumns, row.Keys);
                Assert.Equal(project.GetProperty("project_number").GetString(), row["project_number"]);
                Assert.Equal(project.GetProperty("name").GetString(), row["name"]);
                Assert.Equal(project.GetProperty("total_cost").GetRawText(), row["total_cost"]);
                Assert.Equal(project.GetProperty("eu_amount").GetRawText(), row["eu_amount"]);
                Assert.Equal(string.Join(' ', project.GetProperty("announcement_urls").EnumerateArray().Select(u => u.GetString())), row["announcement_urls"]);
            }
        }
    }

    [Fact]
    public void A_municipality_s_project_data_lists_only_its_own_projects()
    {
        using var ilukste = JsonDocument.Parse(Site.Page("lv/ilukstes-novads/projects.json"));
        Assert.Single(ilukste.RootElement.GetProperty("projects").EnumerateArray());
        using var augsdaugava = JsonDocument.Parse(Site.Page("lv/augsdaugavas-novads/projects.json"));
        Assert.Empty(augsdaugava.RootElement.GetProperty("projects").EnumerateArray());
        Assert.Equal(ProjectData.CsvColumns.Count, Site.Page("lv/augsdaugavas-novads/projects.csv").Split(',').Length);
    }

    [Fact]
    public void Announcement_pages_describe_themselves_as_a_news_article_about_a_funded_project_in_json_ld()
    {
        var page = fixture.Html("en/ilukstes-novads/2019/project-begins/index.html");
        using var json = JsonDocument.Parse(page.QuerySelectorAll("script[type='application/ld+json']").Single().TextContent);
        var article = json.RootElement;
        Assert.Equal("https://schema.org", article.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", article.GetProperty("@type").GetString());
        Assert.Equal("The project begins", article.GetProperty("headline").GetString());
        Assert.Equal(Base + "en/ilukstes-novads/2019/project-begins/", article.GetProperty("url").GetString());
        Assert.Equal("en", article.GetProperty("inLanguage").GetString());
        Assert.Equal("2019-09-19", article.GetProperty("datePublished").GetString());
        Assert.Equal("GovernmentOrganization", article.GetProperty("publisher").GetProperty("@type").GetString());
        var project = article.GetProperty("about");
        Assert.Equal("Project", project.GetProperty("@type").GetString());
        Assert.Equal("9.3.1.1/18/I/003", project.GetProperty("identifier").GetString());
        var grants = project.GetProperty("funding").EnumerateArray().ToList();
        Assert.All(grants, g => Assert.Equal("MonetaryGrant", g.GetProperty("@type").GetString()));
        Assert.All(grants, g => Assert.Equal("MonetaryAmount", g.GetProperty("amount").GetProperty("@type").GetString()));
        Assert.All(grants, g => Assert.Equal("EUR", g.GetProperty("amount").GetProperty("currency").GetString()));
        Assert.Equal([380001.00m, 67059.00m], grants.Select(g => g.GetProperty("amount").GetProperty("value").GetDecimal()));
        Assert.Equal("European Union", grants[0].GetProperty("funder").GetProperty("name").GetString());
    }

    [Fact]
    public void Every_page_s_json_ld_is_valid_json_that_cannot_end_its_script_element()
    {
        var pages = Files("index.html").Select(fixture.Html).ToList();
        var scripts = pages.SelectMany(p => p.QuerySelectorAll("script[type='application/ld+json']")).ToList();
        Assert.Equal(pages.Count(p => p.Body!.ClassList.Contains("page-announcement")), scripts.Count);
        Assert.Equal(3, scripts.Count);
        foreach (var script in scripts)
        {
            Assert.DoesNotContain("</", script.TextContent, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(script.TextContent);
            Assert.Equal("NewsArticle", json.RootElement.GetProperty("@type").GetString());
        }
    }

    [Fact]
    public void Pages_carry_open_graph_metadata_that_matches_their_canonical_address()
    {
        foreach (var path in Files("index.html").Where(p => !p.StartsWith("embed/", StringComparison.Ordinal)))
        {
            var page = fixture.Html(path);
            string? Property(string name) => page.QuerySelector($"meta[property='{name}']")?.GetAttribute("content");
            Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), Property("og:url"));
            Assert.False(string.IsNullOrEmpty(Property("og:title")), path);
            Assert.False(string.IsNullOrEmpty(Property("og:site_name")), path);
            Assert.Equal(page.DocumentElement.GetAttribute("lang") == "lv" ? "lv_LV" : "en_IE", Property("og:locale"));
            var announcement = page.Body!.ClassList.Contains("page-announcement");
            Assert.Equal(announcement ? "article" : "website", Property("og:type"));
            if (announcement) Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Property("article:published_time")!);
        }
    }

    [Fact]
    public void Pages_link_to_their_feeds_and_project_data()
    {
        var page = fixture.Html("lv/ilukstes-novads/index.html");
        Assert.Equal("/lv/ilukstes-novads/feed.xml", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("/lv/ilukstes-novads/feed.json", page.QuerySelector("link[rel=alternate][type='application/feed+json']")!.GetAttribute("href"));
        Assert.Equal("/lv/ilukstes-novads/projects.csv", page.QuerySelector("footer a[type='text/csv']")!.GetAttribute("href"));
        Assert.Equal("/lv/ilukstes-novads/projects.json", page.QuerySelector("footer a[type='application/json']")!.GetAttribute("href"));
    }
}
