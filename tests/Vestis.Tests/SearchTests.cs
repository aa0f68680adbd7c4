using System.Text.Json;
using Vestis.Diagnostics;
using Vestis.Serving;

namespace Vestis.Tests;

/// <summary>
/// Search, as built: a <c>search.json</c> per language of exactly the announcements that language lists (never a
/// draft or a future one, not even in a preview).
/// </summary>
public sealed class SearchTests : IClassFixture<SearchTests.Site>
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

    public SearchTests(Site site) => this.site = site;

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
    public async Task Serve_indexes_what_a_build_would_publish()
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

        Assert.Contains("Ziemassvētku pasākums", await http.GetStringAsync("/lv/augsdaugavas-novads/"), StringComparison.Ordinal);

        var index = await http.GetAsync("/lv/search.json");
        Assert.Equal("application/json", index.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["/lv/augsdaugavas-novads/2021/darba-sakums/", "/lv/ilukstes-novads/2019/projekts/"],
            Urls(Index(await index.Content.ReadAsStringAsync())));
        Assert.Equal(["/lv/augsdaugavas-novads/2021/darba-sakums/", "/lv/ilukstes-novads/2019/projekts/"],
            Urls(Index(await http.GetStringAsync("/en/search.json"))));
    }

    [Fact]
    public void A_municipality_cannot_take_the_search_pages_name()
    {
        using var named = new TestSite(new Dictionary<string, string?> { ["municipalities/search.yml"] = "name: Meklēšana\n" });
        var result = named.Build(write: false);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidMunicipalityId && named.Relative(d) == "municipalities/search.yml");
    }
}
