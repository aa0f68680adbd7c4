using System.Reflection;
using System.Text;
using Vestis.Cli;
using Vestis.Diagnostics;

namespace Vestis.Tests;

/// <summary>
/// One small fixture per rule of the content model: the base <see cref="TestSite"/> with the smallest change
/// that breaks exactly that rule. Each test checks the code, the file, the line and the column, and that no
/// other error is reported, so a fixture that breaks two rules (or a rule that cascades) shows up at once.
/// </summary>
/// <remarks>
/// Line numbers refer to the base files of <see cref="TestSite"/>. The project announcement
/// (<see cref="TestSite.ProjectAnnouncement"/>) reads, line by line:
/// <code>
///  1 ---
///  2 title: Tiek uzsākta projekta realizācija
///  3 date: 2019-09-19
///  4 kind: project-start
///  5 project:
///  6   id: "9.3.1.1/18/I/003"
///  7   name: Pakalpojumu infrastruktūras attīstība Ilūkstes novadā
///  8   programme: 2014-2020
///  9   measure: "9.3.1.1"
/// 10   funds: [ERDF]
/// 11   start: 2019-09-01
/// 12   end: 2020-05-31
/// 13   aims: Attīstīt sabiedrībā balstītu sociālo pakalpojumu infrastruktūru.
/// 14   budget:
/// 15     total: 447060.00
/// 16     sources:
/// 17       - { source: ERDF, percent: 85 }
/// 18       - { source: state-budget, percent: 15 }
/// 19 ---
/// 20 Ilūkstes novadā sāk veidot dienas aprūpes centru.
/// </code>
/// </remarks>
public sealed class DiagnosticTests
{
    private const string Lv = TestSite.ProjectAnnouncement;
    private const string En = "announcements/ilukstes-novads/2019-09-19-projekts.en.md";
    private const string Ilukste = "municipalities/ilukstes-novads.yml";

    // ---------------------------------------------------------------- files and syntax

    [Fact]
    public void A_yaml_syntax_error_in_front_matter_is_reported_where_it_starts()
    {
        // An unclosed quote: the scanner runs to the end of the front matter, but the error starts at the quote.
        AssertAnnouncementChange("title: Tiek uzsākta projekta realizācija", "title: \"Tiek uzsākta projekta realizācija",
            DiagnosticCodes.YamlSyntax, 2, 8);
    }

    [Fact]
    public void A_key_given_twice_as_git_merges_leave_it_is_an_error_at_the_second()
    {
        AssertAnnouncementChange("kind: project-start\n", "kind: project-start\nkind: news\n", DiagnosticCodes.YamlSyntax, 5, 1);
    }

    [Fact]
    public void A_tab_indenting_front_matter_is_an_error_where_it_is()
    {
        AssertAnnouncementChange("  id: \"9.3.1.1/18/I/003\"", "\tid: \"9.3.1.1/18/I/003\"", DiagnosticCodes.YamlSyntax, 6, 1);
    }

    [Fact]
    public void A_yaml_syntax_error_in_site_yml_is_reported_at_its_line()
    {
        // A flow mapping closed by the wrong bracket.
        AssertOnlyAfter(new() { ["site.yml"] = Replace(Site, "en: Announcements }", "en: Announcements ]") },
            DiagnosticCodes.YamlSyntax, "site.yml", 1, 44);
    }

    [Fact]
    public void An_announcement_without_front_matter_is_an_error()
    {
        AssertOnlyAfter(new() { [Lv] = "Ilūkstes novadā sāk veidot dienas aprūpes centru.\n" },
            DiagnosticCodes.FrontMatterMissing, Lv, 1, 1);
    }

    [Fact]
    public void Front_matter_must_be_closed_by_a_fence()
    {
        AssertOnlyAfter(new() { [Lv] = "---\ntitle: Tiek uzsākta projekta realizācija\ndate: 2019-09-19\n\nIlūkstes novadā sāk veidot dienas aprūpes centru.\n" },
            DiagnosticCodes.FrontMatterUnclosed, Lv, 1, 1);
    }

    [Fact]
    public void An_unknown_field_in_front_matter_is_an_error_at_its_key()
    {
        AssertAnnouncementChange("kind: project-start\n", "kind: project-start\ncategory: news\n",
            DiagnosticCodes.UnknownField, 5, 1);
    }

    [Fact]
    public void An_unknown_field_in_a_project_block_is_an_error_at_its_key()
    {
        AssertAnnouncementChange("  aims:", "  website: https://www.ilukste.lv\n  aims:",
            DiagnosticCodes.UnknownField, 13, 3);
    }

    [Fact]
    public void Draft_must_be_true_or_false()
    {
        AssertAnnouncementChange("date: 2019-09-19\n", "date: 2019-09-19\ndraft: yes\n",
            DiagnosticCodes.WrongType, 4, 8);
    }

    [Fact]
    public void Tags_must_be_a_list()
    {
        AssertAnnouncementChange("date: 2019-09-19\n", "date: 2019-09-19\ntags: { a: b }\n",
            DiagnosticCodes.WrongType, 4, 7);
    }

    [Fact]
    public void A_missing_title_is_reported_at_the_start_of_the_file()
    {
        AssertAnnouncementChange("title: Tiek uzsākta projekta realizācija\n", "",
            DiagnosticCodes.RequiredField, 1, 1);
    }

    [Fact]
    public void A_missing_date_is_reported_at_the_start_of_the_file()
    {
        AssertAnnouncementChange("date: 2019-09-19\n", "",
            DiagnosticCodes.RequiredField, 1, 1);
    }

    [Fact]
    public void A_translation_made_before_its_original_was_updated_gets_a_warning_at_its_translated_date()
    {
        AssertOnlyAfter(new()
        {
            [Lv] = Replace(Announcement, "date: 2019-09-19\n", "date: 2019-09-19\nupdated: 2019-10-02\n"),
            [En] = Replace(TestSite.BaseFiles[En], "date: 2019-09-19\n", "date: 2019-09-19\ntranslated: 2019-09-19\n"),
        }, DiagnosticCodes.StaleTranslation, En, 4, 13);
    }

    [Fact]
    public void A_project_block_without_a_budget_is_reported_at_the_block()
    {
        var lv = Remove(Announcement,
            "  budget:\n    total: 447060.00\n    sources:\n      - { source: ERDF, percent: 85 }\n      - { source: state-budget, percent: 15 }\n");
        AssertOnlyAfter(new() { [Lv] = lv }, DiagnosticCodes.RequiredField, Lv, 6, 3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_that_is_not_valid_utf8_is_an_error_at_the_line_of_the_bad_byte(bool withByteOrderMark)
    {
        // Saved as Windows-1257: `ā` is the single byte 0xE2, which starts a three-byte UTF-8 sequence
        // that the following `k` cannot continue.
        using var site = new TestSite();
        var bytes = Windows1257(Replace(Announcement, "uzsākta", "uzs\u0001kta"));
        File.WriteAllBytes(Path.Join(site.Content, Lv), withByteOrderMark ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);

        AssertOnly(site, site.Build(write: false), DiagnosticCodes.UnreadableFile, Lv, 2, 1);
    }

    [Fact]
    public void A_bad_byte_at_the_end_of_a_line_after_a_byte_order_mark_is_reported_on_that_line()
    {
        using var site = new TestSite();
        var bytes = Windows1257(Replace(Announcement, "realizācija\n", "realizācij\u0001\n"));
        File.WriteAllBytes(Path.Join(site.Content, Lv), [.. Encoding.UTF8.Preamble, .. bytes]);

        AssertOnly(site, site.Build(write: false), DiagnosticCodes.UnreadableFile, Lv, 2, 1);
    }

    [Fact]
    public void A_bad_byte_deep_in_a_long_file_is_reported_at_its_line()
    {
        using var site = new TestSite();
        var paragraphs = string.Concat(Enumerable.Repeat("Ilūkstes novadā sāk veidot dienas aprūpes centru.\n\n", 500));
        var text = Announcement + paragraphs + "Beigas \u0001.\n"; // 20 lines, 1000 more, then the bad line
        File.WriteAllBytes(Path.Join(site.Content, Lv), Windows1257(text));

        AssertOnly(site, site.Build(write: false), DiagnosticCodes.UnreadableFile, Lv, 1021, 1);
    }

    [Fact]
    public void A_file_with_a_nul_character_is_not_text()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Join(site.Content, Lv), Replace(Announcement, "kind: project-start", "kind: project\0start"));

        AssertOnly(site, site.Build(write: false), DiagnosticCodes.UnreadableFile, Lv, 4, 14);
    }

    [Fact]
    public void A_control_character_pasted_into_a_title_is_an_error_at_its_place()
    {
        // A vertical tab, as word processors leave it in copied text: XML feeds cannot carry it.
        AssertAnnouncementChange("title: Tiek uzsākta projekta realizācija", "title: Tiek uzsākta\u000Bprojekta realizācija",
            DiagnosticCodes.ControlCharacter, 2, 20);
    }

    [Fact]
    public void A_control_character_written_as_an_html_entity_in_the_body_is_an_error_at_the_entity()
    {
        AssertAnnouncementChange("sāk veidot dienas", "sāk &#x13; dienas", DiagnosticCodes.ControlCharacter, 20, 21);
    }

    [Fact]
    public void A_control_character_written_as_a_yaml_escape_is_an_error_at_the_value()
    {
        AssertAnnouncementChange("title: Tiek uzsākta projekta realizācija", "title: \"Tiek uzsākta\\vprojekta realizācija\"",
            DiagnosticCodes.ControlCharacter, 2, 8);
    }

    [Fact]
    public void A_text_file_larger_than_the_limit_is_not_read()
    {
        var padding = string.Concat(Enumerable.Repeat("Ilūkstes novadā sāk veidot dienas aprūpes centru.\n\n", 20_000));
        AssertOnlyAfter(new() { [Lv] = Announcement + padding }, DiagnosticCodes.FileTooLarge, Lv, 1, 1);
    }

    [Fact]
    public void Yaml_nested_deeper_than_the_limit_is_an_error_where_the_limit_is_passed()
    {
        // The front matter itself is the first level, so the 32nd bracket opens the 33rd.
        AssertAnnouncementChange("kind: project-start\n", "kind: project-start\ntags: " + new string('[', 33) + new string(']', 33) + "\n",
            DiagnosticCodes.NestedTooDeep, 5, 38);
    }

    [Fact]
    public void Markdown_nested_past_markdigs_limit_is_an_error_at_the_start_of_the_body()
    {
        AssertAnnouncementChange("Ilūkstes novadā sāk veidot dienas aprūpes centru.", new string('>', 20_000) + " centru.",
            DiagnosticCodes.NestedTooDeep, 20, 1);
    }

    [Fact]
    public void A_yaml_alias_is_an_error_at_the_alias()
    {
        // The start of a "billion laughs": each alias would repeat the anchored list.
        AssertAnnouncementChange("kind: project-start\n", "kind: project-start\ntags: &a [x, x]\nsummary: *a\n",
            DiagnosticCodes.YamlAlias, 6, 10);
    }

    [Fact]
    public void A_link_to_a_file_outside_the_content_folder_is_not_followed()
    {
        using var site = new TestSite();
        var outside = Path.Join(site.Root, "secret.txt");
        File.WriteAllText(outside, "not content");
        const string link = "announcements/ilukstes-novads/2019-09-19-projekts/secret.txt";
        Directory.CreateDirectory(Path.Join(site.Content, "announcements/ilukstes-novads/2019-09-19-projekts"));
        File.CreateSymbolicLink(Path.Join(site.Content, link), outside);

        AssertOnly(site, site.Build(write: false), DiagnosticCodes.LinkOutsideContent, link, 1, 1);
    }

    [Fact]
    public void A_folder_where_site_yml_should_be_is_an_error_that_says_so()
    {
        using var site = new TestSite();
        File.Delete(Path.Join(site.Content, "site.yml"));
        Directory.CreateDirectory(Path.Join(site.Content, "site.yml"));

        AssertOnly(site, site.Build(write: false), DiagnosticCodes.UnreadableFile, "site.yml", 1, 1);
    }

    [Fact]
    public void A_file_that_does_not_belong_in_the_content_root_is_an_error()
    {
        AssertOnlyAfter(new() { ["notes.txt"] = "ideas for later" }, DiagnosticCodes.UnexpectedFile, "notes.txt", 1, 1);
    }

    [Fact]
    public void An_announcement_folder_needs_its_announcement_beside_it()
    {
        AssertOnlyAfter(new() { ["announcements/ilukstes-novads/2019-09-20-cits/plans.txt"] = "plans" },
            DiagnosticCodes.UnexpectedFile, "announcements/ilukstes-novads/2019-09-20-cits/plans.txt", 1, 1);
    }

    [Fact]
    public void An_impossible_date_is_an_error()
    {
        AssertAnnouncementChange("date: 2019-09-19\n", "date: 2019-09-19\nupdated: 2019-02-30\n",
            DiagnosticCodes.InvalidDate, 4, 10);
    }

    [Fact]
    public void A_date_must_be_written_yyyy_mm_dd()
    {
        AssertAnnouncementChange("start: 2019-09-01", "start: 01.09.2019",
            DiagnosticCodes.InvalidDate, 11, 10);
    }

    [Fact]
    public void A_title_may_have_at_most_200_characters()
    {
        AssertAnnouncementChange("title: Tiek uzsākta projekta realizācija", "title: " + new string('ā', 201),
            DiagnosticCodes.TextLength, 2, 8);
    }

    [Fact]
    public void A_title_of_exactly_200_characters_is_fine()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            [Lv] = Replace(Announcement, "title: Tiek uzsākta projekta realizācija", "title: " + new string('ā', 200)),
        });
        var result = site.Build(write: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void An_empty_title_is_an_error()
    {
        AssertAnnouncementChange("title: Tiek uzsākta projekta realizācija", "title: \"  \"",
            DiagnosticCodes.TextLength, 2, 8);
    }

    [Fact]
    public void A_placeholder_left_in_a_value_is_reported_at_the_value()
    {
        AssertAnnouncementChange("title: Tiek uzsākta projekta realizācija", "title: \"<<virsraksts>>\"",
            DiagnosticCodes.Placeholder, 2, 8);
    }

    [Fact]
    public void A_placeholder_left_in_a_list_is_the_only_error_about_the_list()
    {
        AssertAnnouncementChange("funds: [ERDF]", "funds: [\"<<fonds>>\"]",
            DiagnosticCodes.Placeholder, 10, 11);
    }

    [Fact]
    public void A_placeholder_left_in_the_text_is_reported_at_its_line_and_column()
    {
        AssertAnnouncementChange("sāk veidot dienas aprūpes centru.", "sāk veidot <<ko>>.",
            DiagnosticCodes.Placeholder, 20, 28);
    }

    [Fact]
    public void BaseUrl_must_be_an_absolute_http_address()
    {
        AssertOnlyAfter(new() { ["site.yml"] = Replace(Site, "baseUrl: https://projekti.example.lv/", "baseUrl: projekti.example.lv") },
            DiagnosticCodes.InvalidUrl, "site.yml", 2, 10);
    }

    [Fact]
    public void A_municipality_website_must_be_an_absolute_http_address()
    {
        AssertOnlyAfter(new() { ["municipalities/augsdaugavas-novads.yml"] = "name: { lv: Augšdaugavas novads }\nwebsite: ftp://augsdaugavasnovads.lv\n" },
            DiagnosticCodes.InvalidUrl, "municipalities/augsdaugavas-novads.yml", 2, 10);
    }

    [Fact]
    public void A_text_per_language_may_only_use_the_sites_languages()
    {
        AssertOnlyAfter(new() { ["site.yml"] = Replace(Site, "en: Announcements", "de: Ankündigungen") },
            DiagnosticCodes.UnknownLanguage, "site.yml", 1, 26);
    }

    // ---------------------------------------------------------------- site.yml

    [Fact]
    public void A_site_needs_site_yml()
    {
        AssertOnlyAfter(new() { ["site.yml"] = null }, DiagnosticCodes.SiteFileMissing, "site.yml", 1, 1);
    }

    [Fact]
    public void A_language_may_be_listed_only_once()
    {
        AssertOnlyAfter(new() { ["site.yml"] = Replace(Site, "languages: [lv, en]", "languages: [lv, en, lv]") },
            DiagnosticCodes.InvalidLanguageList, "site.yml", 3, 21);
    }

    [Fact]
    public void A_site_needs_at_least_one_language()
    {
        AssertOnlyAfter(new() { ["site.yml"] = Replace(Site, "languages: [lv, en]", "languages: []") },
            DiagnosticCodes.InvalidLanguageList, "site.yml", 3, 12);
    }

    [Fact]
    public void The_country_must_be_a_two_letter_code_in_capitals()
    {
        AssertOnlyAfter(new() { ["site.yml"] = Replace(Site, "country: LV", "country: lv") },
            DiagnosticCodes.InvalidCountry, "site.yml", 4, 10);
    }

    [Theory]
    [InlineData("status: partial", "status: mostly", 8, 11)]
    [InlineData("email: pieejamiba@example.lv", "email: pieejamiba", 9, 21)]
    [InlineData("{ email: pieejamiba@example.lv }", "{}", 9, 12)]
    public void The_accessibility_statement_needs_a_known_status_and_a_way_to_give_feedback(string old, string replacement, int line, int column)
    {
        AssertOnlyAfter(new() { ["site.yml"] = Site + Replace(AccessibilityStatementTests.Settings, old, replacement) },
            DiagnosticCodes.InvalidAccessibility, "site.yml", line, column);
    }

    [Fact]
    public void The_page_size_must_be_at_least_one()
    {
        AssertOnlyAfter(new() { ["site.yml"] = Replace(Site, "pageSize: 2", "pageSize: 0") },
            DiagnosticCodes.InvalidPageSize, "site.yml", 5, 11);
    }

    // ---------------------------------------------------------------- municipalities

    [Fact]
    public void A_municipality_file_name_must_be_a_valid_id()
    {
        AssertOnlyAfter(new() { ["municipalities/Bad_Id.yml"] = "name: { lv: Slikts novads }\n" },
            DiagnosticCodes.InvalidMunicipalityId, "municipalities/Bad_Id.yml", 1, 1);
    }

    [Fact]
    public void A_successor_must_be_a_known_municipality()
    {
        AssertOnlyAfter(new() { [Ilukste] = Replace(IlluksteFile, "successor: augsdaugavas-novads", "successor: daugavpils-novads") },
            DiagnosticCodes.UnknownSuccessor, Ilukste, 2, 12);
    }

    [Fact]
    public void A_municipality_cannot_be_its_own_successor()
    {
        AssertOnlyAfter(new() { [Ilukste] = Replace(IlluksteFile, "successor: augsdaugavas-novads", "successor: ilukstes-novads") },
            DiagnosticCodes.UnknownSuccessor, Ilukste, 2, 12);
    }

    [Fact]
    public void A_successor_needs_the_dissolved_date()
    {
        AssertOnlyAfter(new() { [Ilukste] = Remove(IlluksteFile, "dissolved: 2021-07-01\n") },
            DiagnosticCodes.SuccessorWithoutDissolved, Ilukste, 2, 12);
    }

    [Fact]
    public void A_municipality_needs_a_name_in_the_default_language()
    {
        AssertOnlyAfter(new() { ["municipalities/augsdaugavas-novads.yml"] = "name: { en: Augšdaugava Municipality }\n" },
            DiagnosticCodes.RequiredField, "municipalities/augsdaugavas-novads.yml", 1, 7);
    }

    // ---------------------------------------------------------------- announcements

    [Fact]
    public void An_announcement_folder_must_name_a_known_municipality()
    {
        const string path = "announcements/daugavpils-novads/2019-09-19-projekts.lv.md";
        AssertOnlyAfter(new() { [path] = "---\ntitle: Jaunums\ndate: 2019-09-19\n---\nTeksts.\n" },
            DiagnosticCodes.UnknownMunicipality, path, 1, 1);
    }

    [Theory]
    [InlineData("announcements/daugavpils-novads/2019-09-19-projekts.lv.md", DiagnosticCodes.UnknownMunicipality)]
    [InlineData("announcements/ilukstes-novads/2019-02-30-projekts.lv.md", DiagnosticCodes.InvalidFileName)]
    public void A_misplaced_or_misnamed_file_with_broken_yaml_reports_both(string path, string code)
    {
        using var site = new TestSite(new Dictionary<string, string?> { [path] = "---\ntitle: [Jaunums\ndate: 2019-09-19\n---\nTeksts.\n" });
        var errors = site.Build(write: false).Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

        Assert.Equal(new[] { code, DiagnosticCodes.YamlSyntax }.Order(StringComparer.Ordinal), errors.Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.EndsWith(path, e.Span.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2019-09-19-!!!.lv.md")]
    [InlineData("2019-09-19-‽.lv.md")]
    [InlineData("2019-02-30-projekts.lv.md")]
    public void An_announcement_file_name_must_follow_the_pattern(string fileName)
    {
        var path = "announcements/ilukstes-novads/" + fileName;
        AssertOnlyAfter(new() { [path] = "---\ntitle: Jaunums\ndate: 2019-09-19\n---\nTeksts.\n" },
            DiagnosticCodes.InvalidFileName, path, 1, 1);
    }

    [Fact]
    public void A_file_named_only_by_its_date_needs_a_title_that_makes_a_slug()
    {
        const string path = "announcements/ilukstes-novads/2019-09-20.lv.md";
        AssertOnlyAfter(new() { [path] = "---\ntitle: \"!!!\"\ndate: 2019-09-20\n---\nTeksts.\n" },
            DiagnosticCodes.InvalidSlug, path, 2, 8);
    }

    [Fact]
    public void An_unknown_language_suffix_is_an_error()
    {
        const string path = "announcements/ilukstes-novads/2019-09-19-projekts.de.md";
        AssertOnlyAfter(new() { [En] = null, [path] = TestSite.BaseFiles[En] },
            DiagnosticCodes.UnknownLanguageSuffix, path, 1, 1);
    }

    [Fact]
    public void A_file_name_date_must_equal_the_date_field()
    {
        AssertAnnouncementChange("date: 2019-09-19", "date: 2019-09-20",
            DiagnosticCodes.FileDateMismatch, 3, 7);
    }

    [Fact]
    public void A_slug_cannot_leave_its_folder()
    {
        AssertAnnouncementChange("date: 2019-09-19\n", "date: 2019-09-19\nslug: ../../etc\n",
            DiagnosticCodes.InvalidSlug, 4, 7);
    }

    [Fact]
    public void A_slug_must_be_lowercase_ascii()
    {
        AssertAnnouncementChange("date: 2019-09-19\n", "date: 2019-09-19\nslug: Projekts\n",
            DiagnosticCodes.InvalidSlug, 4, 7);
    }

    [Fact]
    public void Two_announcements_cannot_share_a_url()
    {
        // Another story of the same year in the same folder whose slug is the file-name slug of the first.
        const string path = "announcements/ilukstes-novads/2019-10-01-cits.lv.md";
        AssertOnlyAfter(new() { [path] = "---\ntitle: Cits paziņojums\ndate: 2019-10-01\nslug: projekts\n---\nTeksts.\n" },
            DiagnosticCodes.DuplicateUrl, path, 4, 7);
    }

    [Fact]
    public void A_story_has_one_file_per_language()
    {
        // Without a suffix the file is in the default language, lv: the same as `x.lv.md`.
        const string path = "announcements/ilukstes-novads/2019-10-01-x.md";
        const string text = "---\ntitle: Cits paziņojums\ndate: 2019-10-01\n---\nTeksts.\n";
        AssertOnlyAfter(new() { [path] = text, ["announcements/ilukstes-novads/2019-10-01-x.lv.md"] = text },
            DiagnosticCodes.DuplicateTranslation, path, 1, 1);
    }

    [Fact]
    public void New_does_not_overwrite_an_announcement_and_names_the_file()
    {
        using var site = new TestSite();
        var errors = new StringWriter();
        var code = CommandLine.Run(["new", "ilukstes-novads", "projekts", "--today", "2019-09-19",
            "--content", site.Content, "--templates", Repository.Templates], TextWriter.Null, errors);
        Assert.Equal(1, code);
        Assert.StartsWith(string.Concat(Path.Join(site.Content, Lv).Replace('\\', '/'), "(1,1): error ", DiagnosticCodes.AnnouncementExists, ": "),
            errors.ToString());
    }

    [Fact]
    public void An_unknown_kind_is_an_error()
    {
        AssertAnnouncementChange("kind: project-start", "kind: project-begin",
            DiagnosticCodes.UnknownKind, 4, 7);
    }

    [Fact]
    public void Translated_belongs_on_translations_only()
    {
        AssertAnnouncementChange("date: 2019-09-19\n", "date: 2019-09-19\ntranslated: 2019-09-19\n",
            DiagnosticCodes.TranslatedOnOriginal, 4, 13);
    }

    [Fact]
    public void Updated_cannot_be_before_date()
    {
        AssertAnnouncementChange("date: 2019-09-19\n", "date: 2019-09-19\nupdated: 2019-09-18\n",
            DiagnosticCodes.UpdatedBeforeDate, 4, 10);
    }

    [Theory]
    [InlineData("Sīkāk: [apraksts](nowhere.md).", 22, 8)]
    [InlineData("Sīkāk par\nprojektu: [apraksts](nowhere.md).", 23, 11)]
    [InlineData("- pirmais\n- [apraksts](nowhere.md)", 23, 3)]
    [InlineData("> Citāts: [apraksts](nowhere.md)", 22, 11)]
    [InlineData("Sīkāk: [apraksts](../augsdaugavas-novads/2019-09-19-nav.lv.md).", 22, 8)]
    [InlineData("Sīkāk: [apraksts](../../../site.yml).", 22, 8)]
    public void A_relative_link_must_lead_somewhere(string paragraph, int line, int column)
    {
        // The body starts on line 20; the second paragraph is on line 22.
        AssertAnnouncementChange("centru.\n", "centru.\n\n" + paragraph + "\n",
            DiagnosticCodes.BrokenLink, line, column);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("file:///etc/passwd")]
    public void A_link_may_not_use_an_unsafe_scheme(string url)
    {
        AssertAnnouncementChange("centru.\n", $"centru.\n\nSīkāk: [apraksts]({url}).\n",
            DiagnosticCodes.BrokenLink, 22, 8);
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JavaScript:alert(1)>")]
    [InlineData("<data:text/html,x>")]
    public void An_autolink_may_not_use_an_unsafe_scheme(string autolink)
    {
        // A CommonMark autolink is a link too: it must not slip past the scheme check into an href.
        AssertAnnouncementChange("centru.\n", $"centru.\n\nSīkāk: {autolink}.\n",
            DiagnosticCodes.BrokenLink, 22, 8);
    }

    [Theory]
    [InlineData("![tilts](https://example.com/tilts.jpg)", 8)]
    [InlineData("![tilts](//cdn.example.com/tilts.jpg)", 8)]
    [InlineData("![tilts](/\\cdn.example.com/tilts.jpg)", 8)]
    [InlineData("![tilts](</&#9;/cdn.example.com/tilts.jpg>)", 8)]
    [InlineData("<img src=\"https://example.com/tilts.jpg\" alt=\"tilts\">", 1)]
    public void An_image_from_another_site_is_an_error_because_every_reader_would_fetch_it(string image, int column)
    {
        // The sanitizer drops the address so nothing could ever fetch it.
        AssertImageInBody(DiagnosticCodes.RemoteResource, image, column);
    }

    [Theory]
    [InlineData("![](/assets/icon.svg)", 8)]
    [InlineData("![ ](/assets/icon.svg)", 8)]
    [InlineData("<img src=\"/assets/icon.svg\">", 1)]
    [InlineData("<p>Plāns: <img src=\"/assets/icon.svg\" alt=\"\"></p>", 1)]
    public void An_image_without_alt_text_is_an_error_at_the_image(string image, int column) =>
        AssertImageInBody(DiagnosticCodes.MissingAltText, image, column);

    /// <summary>A Markdown image after some words, or raw HTML at the start of its line, where it is reported.</summary>
    private static void AssertImageInBody(string code, string image, int column) =>
        AssertAnnouncementChange("centru.\n", $"centru.\n\n{(column == 1 ? "" : "Sīkāk: ")}{image}\n", code, 22, column);

    [Fact]
    public void A_broken_link_through_a_reference_definition_is_reported_where_it_is_used()
    {
        AssertAnnouncementChange("centru.\n", "centru.\n\nSīkāk: [apraksts][a].\n\n[a]: nowhere.md\n",
            DiagnosticCodes.BrokenLink, 22, 8);
    }

    [Fact]
    public void Links_to_announcements_and_safe_schemes_are_fine()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            [Lv] = Replace(Announcement, "centru.\n",
                "centru.\n\n[en](2019-09-19-projekts.en.md) [web](https://www.ilukste.lv) [e-pasts](mailto:dome@ilukste.lv) [augšā](#top)\n"),
        });
        var result = site.Build(write: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    // ---------------------------------------------------------------- projects

    [Fact]
    public void A_project_id_must_be_an_official_number()
    {
        AssertAnnouncementChange("id: \"9.3.1.1/18/I/003\"", "id: \"9.3.1.1 18 I 003\"",
            DiagnosticCodes.InvalidProjectId, 6, 7);
    }

    [Fact]
    public void A_project_id_cannot_climb_out_of_the_projects_folder()
    {
        AssertAnnouncementChange("id: \"9.3.1.1/18/I/003\"", "id: \"9.3.1.1/../../003\"",
            DiagnosticCodes.InvalidProjectId, 6, 7);
    }

    [Fact]
    public void The_programme_must_be_a_known_period()
    {
        AssertAnnouncementChange("programme: 2014-2020", "programme: 2007-2013",
            DiagnosticCodes.UnknownProgramme, 8, 14);
    }

    [Fact]
    public void An_unknown_measure_is_an_error()
    {
        AssertAnnouncementChange("measure: \"9.3.1.1\"", "measure: \"9.3.1.9\"",
            DiagnosticCodes.UnknownMeasure, 9, 12);
    }

    [Fact]
    public void An_unknown_fund_is_an_error()
    {
        AssertAnnouncementChange("funds: [ERDF]", "funds: [EFRR]",
            DiagnosticCodes.UnknownFund, 10, 11);
    }

    [Fact]
    public void A_project_needs_at_least_one_fund()
    {
        AssertAnnouncementChange("funds: [ERDF]", "funds: []",
            DiagnosticCodes.UnknownFund, 10, 10);
    }

    [Fact]
    public void A_fund_must_exist_in_the_projects_programme_period()
    {
        AssertAnnouncementChange("funds: [ERDF]", "funds: [ESF+]",
            DiagnosticCodes.FundNotInPeriod, 10, 11);
    }

    [Fact]
    public void A_project_cannot_end_before_it_starts()
    {
        AssertAnnouncementChange("end: 2020-05-31", "end: 2019-08-31",
            DiagnosticCodes.EndBeforeStart, 12, 8);
    }

    [Fact]
    public void Positions_are_the_same_in_a_file_with_crlf_line_ends_and_a_byte_order_mark()
    {
        using var site = new TestSite();
        var text = Replace(Announcement, "end: 2020-05-31", "end: 2019-08-31").ReplaceLineEndings("\r\n");
        File.WriteAllBytes(Path.Join(site.Content, Lv), [.. Encoding.UTF8.Preamble.ToArray(), .. Encoding.UTF8.GetBytes(text)]);

        AssertOnly(site, site.Build(write: false), DiagnosticCodes.EndBeforeStart, Lv, 12, 8);
    }

    [Fact]
    public void A_referenced_project_must_be_defined_somewhere()
    {
        const string path = "announcements/augsdaugavas-novads/2021-08-01-turpinajums.lv.md";
        AssertOnlyAfter(new() { [path] = "---\ntitle: Projekta turpinājums\ndate: 2021-08-01\nproject: \"9.3.1.1/18/I/004\"\n---\nTeksts.\n" },
            DiagnosticCodes.UndefinedProject, path, 4, 1);
    }

    [Fact]
    public void Two_definitions_of_one_project_must_agree_and_the_outlier_total_is_reported()
    {
        const string path = "announcements/ilukstes-novads/2019-10-01-turpinajums.lv.md";
        var second = Announcement
            .Replace("title: Tiek uzsākta projekta realizācija", "title: Projekta turpinājums")
            .Replace("date: 2019-09-19", "date: 2019-10-01")
            .Replace("kind: project-start\n", "")
            .Replace("total: 447060.00", "total: 447061.00");
        // Without `kind`, every line is one higher than in the base file: `total` is on line 14.
        AssertOnlyAfter(new() { [path] = second }, DiagnosticCodes.ProjectConflict, path, 14, 12);
    }

    [Fact]
    public void Two_definitions_of_one_project_may_not_disagree_on_the_funds()
    {
        const string path = "announcements/ilukstes-novads/2019-10-01-turpinajums.lv.md";
        var second = Announcement
            .Replace("date: 2019-09-19", "date: 2019-10-01")
            .Replace("funds: [ERDF]", "funds: [ERDF, CF]");
        AssertOnlyAfter(new() { [path] = second }, DiagnosticCodes.ProjectConflict, path, 10, 10);
    }

    [Fact]
    public void A_project_that_states_neither_aims_nor_results_in_a_language_gets_a_warning()
    {
        // The English definition states results; without its aims the Latvian one states neither.
        AssertAnnouncementChange("  aims: Attīstīt sabiedrībā balstītu sociālo pakalpojumu infrastruktūru.\n", "",
            DiagnosticCodes.MissingAimsOrResults, 5, 1);
    }

    // ---------------------------------------------------------------- budgets

    [Fact]
    public void Money_has_at_most_two_decimals()
    {
        AssertAnnouncementChange("total: 447060.00", "total: 447060.001",
            DiagnosticCodes.MoneyPrecision, 15, 12);
    }

    [Fact]
    public void A_percent_has_at_most_four_decimals()
    {
        AssertAnnouncementChange("{ source: ERDF, percent: 85 }", "{ source: ERDF, percent: 85.00001 }",
            DiagnosticCodes.MoneyPrecision, 17, 34);
    }

    [Fact]
    public void Budget_sources_must_sum_to_total_to_the_cent()
    {
        AssertAnnouncementChange(
            "{ source: ERDF, percent: 85 }\n      - { source: state-budget, percent: 15 }",
            "{ source: ERDF, amount: 380001.00 }\n      - { source: state-budget, amount: 67058.99 }",
            DiagnosticCodes.BudgetSum, 15, 12);
    }

    [Fact]
    public void Budget_sources_that_sum_to_total_are_fine()
    {
        const string percents = "{ source: ERDF, percent: 85 }\n      - { source: state-budget, percent: 15 }";
        const string amounts = "{ source: ERDF, amount: 380001.00 }\n      - { source: state-budget, amount: 67059.00 }";
        using var site = new TestSite(new Dictionary<string, string?>
        {
            [Lv] = Replace(Announcement, percents, amounts),
            [En] = Replace(Base(En), percents, amounts),
        });
        var result = site.Build(write: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Budget_percents_must_sum_to_100()
    {
        AssertAnnouncementChange("percent: 15", "percent: 14",
            DiagnosticCodes.PercentSum, 17, 9);
    }

    [Fact]
    public void A_budget_cannot_mix_amounts_and_percents()
    {
        AssertAnnouncementChange("{ source: state-budget, percent: 15 }", "{ source: state-budget, amount: 67059.00 }",
            DiagnosticCodes.SourceForm, 18, 9);
    }

    [Fact]
    public void A_funding_source_has_amount_or_percent_but_not_both()
    {
        AssertAnnouncementChange("{ source: ERDF, percent: 85 }", "{ source: ERDF, percent: 85, amount: 380001.00 }",
            DiagnosticCodes.SourceForm, 17, 9);
    }

    [Fact]
    public void A_funding_source_needs_amount_or_percent()
    {
        AssertAnnouncementChange("{ source: state-budget, percent: 15 }", "{ source: state-budget }",
            DiagnosticCodes.SourceForm, 18, 9);
    }

    [Fact]
    public void An_unknown_funding_source_is_an_error()
    {
        AssertAnnouncementChange("source: state-budget", "source: valsts-budzets",
            DiagnosticCodes.UnknownSource, 18, 19);
    }

    [Fact]
    public void An_eu_fund_source_must_be_among_the_projects_funds()
    {
        AssertAnnouncementChange("source: state-budget", "source: CF",
            DiagnosticCodes.UnknownSource, 18, 19);
    }

    [Fact]
    public void The_currency_must_be_an_iso_4217_code()
    {
        AssertAnnouncementChange("    total: 447060.00", "    currency: eur\n    total: 447060.00",
            DiagnosticCodes.InvalidCurrency, 15, 15);
    }

    [Fact]
    public void A_total_cannot_be_negative()
    {
        AssertAnnouncementChange("total: 447060.00", "total: -447060.00",
            DiagnosticCodes.NegativeAmount, 15, 12);
    }

    [Fact]
    public void A_source_amount_cannot_be_negative()
    {
        AssertAnnouncementChange(
            "{ source: ERDF, percent: 85 }\n      - { source: state-budget, percent: 15 }",
            "{ source: ERDF, amount: 447070.00 }\n      - { source: state-budget, amount: -10.00 }",
            DiagnosticCodes.NegativeAmount, 18, 41);
    }

    // ---------------------------------------------------------------- measures

    [Fact]
    public void A_measure_code_written_as_a_list_is_an_error_at_the_code()
    {
        AssertOnlyAfter(new() { ["measures.yml"] = Measures + "? [9.3.1.2, 9.3.1.3]\n: { lv: Cits, en: Other }\n" },
            DiagnosticCodes.MeasureName, "measures.yml", 4, 3);
    }

    [Fact]
    public void A_measure_needs_a_name_in_the_default_language()
    {
        // A second measure, referenced by no announcement, so that only measures.yml is at fault.
        AssertOnlyAfter(new() { ["measures.yml"] = Measures + "\"9.3.1.2\":\n  en: Development of family-like care\n" },
            DiagnosticCodes.MeasureName, "measures.yml", 5, 3);
    }

    [Fact]
    public void A_measure_code_is_letters_digits_dots_and_hyphens()
    {
        AssertOnlyAfter(new() { ["measures.yml"] = Measures + "\"9.3 1.2\":\n  lv: Ģimeniska vide\n" },
            DiagnosticCodes.MeasureName, "measures.yml", 4, 1);
    }

    // ---------------------------------------------------------------- templates and output

    [Fact]
    public void A_template_syntax_error_is_reported_at_its_file_line_and_column()
    {
        using var site = new TestSite();
        using var templates = new TestTemplates();
        var home = BrokenHomeTemplate(templates, lines =>
            lines.Select(l => l == "{{~ if model.projects.size > 0 }}" ? "{{~ if model.projects.size > }}" : l));

        var result = site.Build(write: false, templates: templates.Root);

        // Column 30 is the `}}` where the right-hand side of `>` should be.
        AssertOnly(site, result, DiagnosticCodes.TemplateError, home, 14, 30);
    }

    [Fact]
    public void An_unclosed_if_in_a_template_is_reported_in_that_template()
    {
        using var site = new TestSite();
        using var templates = new TestTemplates();
        // Drop the last line, the `{{~ end }}` of the `{{~ if model.projects.size > 0 }}` on line 14.
        var home = BrokenHomeTemplate(templates, lines =>
        {
            Assert.Equal("{{~ if model.projects.size > 0 }}", lines[13]);
            Assert.Equal("{{~ end }}", lines[^1]);
            return lines[..^1];
        });

        var result = site.Build(write: false, templates: templates.Root);

        Assert.False(result.Succeeded);
        var all = string.Join("\n", result.Diagnostics);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        // Scriban notices a missing `end` where the template runs out, not at the `if`; its message names the block.
        Assert.True(error.Code == DiagnosticCodes.TemplateError && error.Span.Path == home && error.Message.Contains("<end>"),
            $"expected {DiagnosticCodes.TemplateError} in {home} naming the missing end; the build reported:\n{all}");
    }

    [Fact]
    public void A_site_language_without_ui_strings_gets_a_warning()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["site.yml"] = Replace(Site, "languages: [lv, en]", "languages: [lv, en, de]"),
        });
        var result = site.Build(write: false);
        AssertOnly(site, result, DiagnosticCodes.MissingUiString, Path.Join(Repository.Templates, "i18n", "de.yml").Replace('\\', '/'), 1, 1);
    }

    [Fact]
    public void A_site_language_that_CLDR_does_not_know_gets_a_warning_and_the_default_languages_conventions()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["site.yml"] = Replace(Site, "languages: [lv, en]", "languages: [lv, en, sgs]"),
        });
        var result = site.Build(write: false);
        AssertOnly(site, result, DiagnosticCodes.UnknownCulture, Path.Join(Repository.Templates, "i18n", "sgs.yml").Replace('\\', '/'), 1, 1);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownCulture && d.Message.Contains("follow `lv-LV`"));
    }

    [Fact]
    public void A_generator_without_ICU_refuses_to_build_rather_than_write_every_language_the_invariant_way()
    {
        using var site = new TestSite();
        var (code, output, errors) = VestisProcess.Run(["check", "--content", site.Content, "--templates", Repository.Templates],
            new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" });
        var expected = string.Concat(Path.Join(Repository.Templates, "i18n", "lv.yml").Replace('\\', '/'), "(1,1): error ", DiagnosticCodes.NoIcu, ": ICU is not available");
        Assert.True(code == 1 && errors.Contains(expected, StringComparison.Ordinal),
            $"exit {code}, expected `{expected}`:\n{errors}\n{output}");
        Assert.DoesNotContain("   at ", errors);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_created_is_an_error()
    {
        using var site = new TestSite();
        File.WriteAllText(site.Output, "not a folder");

        var result = site.Build(write: true);

        AssertOnly(site, result, DiagnosticCodes.OutputError, site.Output.Replace('\\', '/'), 1, 1);
        Assert.Equal("not a folder", File.ReadAllText(site.Output));
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.Root, ".site-output.*"));
    }

    // ---------------------------------------------------------------- EU publicity

    [Fact]
    public void A_site_language_without_checked_label_wording_warns_that_its_labels_use_the_member_states_language()
    {
        AssertOnlyAfter(new() { ["site.yml"] = Replace(Site, "languages: [lv, en]", "languages: [lv, en, de]") },
            DiagnosticCodes.LabelWording, "site.yml", 3, 21, Severity.Warning);
    }

    [Fact]
    public void A_language_whose_pages_can_carry_no_known_label_wording_is_an_error()
    {
        // Russian is not an official EU language, so its labels use the member state's: German, which Vestis has not checked.
        AssertOnlyAfter(new() { ["site.yml"] = Replace(Replace(Site, "languages: [lv, en]", "languages: [lv, en, ru]"), "country: LV", "country: DE") },
            DiagnosticCodes.LabelWording, "site.yml", 3, 21, Severity.Error);
    }

    [Fact]
    public void A_missing_national_logo_is_a_warning_at_the_country_that_names_the_file_to_add()
    {
        using var site = new TestSite(new Dictionary<string, string?> { [TestSite.NationalLogo] = null });
        var result = site.Build(write: false);
        AssertOnly(site, result, DiagnosticCodes.NationalLogoMissing, "site.yml", 4, 10);
        var message = result.Diagnostics.Single().Message;
        Assert.Contains($"{site.Content.Replace('\\', '/')}/publicity/nap2020.svg", message, StringComparison.Ordinal);
        Assert.Contains("Nacionālais attīstības plāns 2020", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_national_logo_that_is_not_there_is_a_warning_at_its_name()
    {
        AssertOnlyAfter(new() { ["site.yml"] = Site + "publicity:\n  logos:\n    2014-2020: { file: nap-2020.png }\n" },
            DiagnosticCodes.NationalLogoMissing, "site.yml", 8, 24);
    }

    [Fact]
    public void A_national_logo_in_another_format_is_an_error_at_its_name()
    {
        AssertOnlyAfter(new() { ["site.yml"] = Site + "publicity:\n  logos:\n    2014-2020: { file: nap.gif }\n", ["publicity/nap.gif"] = "GIF89a" },
            DiagnosticCodes.InvalidLogo, "site.yml", 8, 24);
    }

    [Fact]
    public void A_national_logo_without_a_readable_size_is_an_error_at_the_file()
    {
        AssertOnlyAfter(new() { [TestSite.NationalLogo] = "<html></html>" }, DiagnosticCodes.InvalidLogo, TestSite.NationalLogo, 1, 1);
    }

    [Fact]
    public void An_ongoing_2014_2020_project_without_news_for_six_months_is_a_warning_at_its_newest_announcement()
    {
        // The newest announcements are of 2019-09-19; the project runs until 2020-05-31.
        AssertOnlyAfter([], DiagnosticCodes.StaleProject, En, 5, 1, today: "2020-03-20");
        using var site = new TestSite();
        Assert.Empty(site.Build(write: false, today: "2020-03-19").Diagnostics);
        Assert.Empty(site.Build(write: false, today: "2020-06-01").Diagnostics);
    }

    [Fact]
    public void A_layout_that_drops_the_EU_label_from_project_pages_fails_the_audit()
    {
        AssertAuditAfter("layouts/base.html", "{{ if page.publicity }}", "{{ if page.publicity && page.kind != \"project\" }}", DiagnosticCodes.AuditLabel, "layouts/project.html");
    }

    [Fact]
    public void A_project_layout_without_the_facts_card_fails_the_audit()
    {
        AssertAuditAfter("layouts/project.html", "{{ partial \"facts\" model.project }}", "", DiagnosticCodes.AuditFacts, "layouts/project.html");
    }

    [Fact]
    public void A_layout_that_loads_something_from_another_site_fails_the_audit()
    {
        AssertAuditAfter("layouts/project.html", "{{ partial \"facts\" model.project }}",
            "{{ partial \"facts\" model.project }}<img src=\"https://maps.example.com/tile.png\" alt=\"\">", DiagnosticCodes.AuditThirdParty, "layouts/project.html");
    }

    // Where the HTML parser moves an element (a table's foster parent), or reads it as SVG or MathML, the
    // browser still fetches it: the audit walks the tree the parser builds, not the markup's nesting.
    [Theory]
    [InlineData("<noscript><img src=\"https://maps.example.com/a.png\" alt=\"\"></noscript>")]
    [InlineData("<table><tr><td>x</td></tr><img src=\"https://maps.example.com/b.png\" alt=\"\"></table>")]
    [InlineData("<svg><image href=\"https://maps.example.com/c.png\"/></svg>")]
    [InlineData("<svg><foreignObject><p><img src=\"https://maps.example.com/d.png\" alt=\"\"></p></foreignObject></svg>")]
    [InlineData("<math><mtext><img src=\"https://maps.example.com/e.png\" alt=\"\"></mtext></math>")]
    [InlineData("<picture><source srcset=\"/assets/icon.svg 1x, https://maps.example.com/f.png 2x\"><img src=\"/assets/icon.svg\" alt=\"\"></picture>")]
    // Paths from the site's root are the site's own; these only look like them.
    [InlineData("<img src=\"//maps.example.com/g.png\" alt=\"\">")]
    [InlineData("<img src=\"/\\maps.example.com/h.png\" alt=\"\">")]
    [InlineData("<img src=\"/&#9;/maps.example.com/i.png\" alt=\"\">")]
    [InlineData("<img src=\"&#1;//maps.example.com/j.png\" alt=\"\">")]
    [InlineData("<svg><image xlink:href=\"https://maps.example.com/k.png\"/></svg>")]
    public void A_page_about_no_project_that_loads_something_from_another_site_from_nested_markup_fails_the_audit(string markup)
    {
        AssertAuditAfter("layouts/home.html", "<section aria-labelledby=\"latest\">", markup + "<section aria-labelledby=\"latest\">", DiagnosticCodes.AuditThirdParty, "layouts/home.html");
    }

    [Fact]
    public void A_layout_without_the_security_policy_fails_the_audit()
    {
        AssertAuditAfter("layouts/embed-base.html", "<meta http-equiv=\"Content-Security-Policy\" content=\"{{ page.security_policy }}\">", "",
            DiagnosticCodes.AuditSecurityPolicy, "layouts/embed.html");
    }

    // ---------------------------------------------------------------- all at once

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["site.yml"] = Replace(Site, "country: LV", "country: lv"),
            [Ilukste] = Replace(IlluksteFile, "successor: augsdaugavas-novads", "successor: daugavpils-novads"),
            [Lv] = Replace(Announcement, "end: 2020-05-31", "end: 2019-08-31"),
            [En] = Replace(Base(En), "date: 2019-09-19\n", "date: 2019-09-19\nkind: project-begin\n"),
            ["notes.txt"] = "ideas for later",
        });

        var result = site.Build(write: false);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                $"Error {DiagnosticCodes.UnknownKind} {En}(4,7)",
                $"Error {DiagnosticCodes.EndBeforeStart} {Lv}(12,8)",
                $"Error {DiagnosticCodes.UnknownSuccessor} {Ilukste}(2,12)",
                $"Error {DiagnosticCodes.UnexpectedFile} notes.txt(1,1)",
                $"Error {DiagnosticCodes.InvalidCountry} site.yml(4,10)",
            ],
            result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => Where(site, d)));
    }

    // ---------------------------------------------------------------- the catalogue itself

    [Fact]
    public void Every_diagnostic_code_is_distinct_and_well_formed()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.All(codes, c => Assert.Matches("^VES[0-9]{3}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Every_diagnostic_code_has_a_test_in_this_file()
    {
        var source = File.ReadAllText(Path.Join(Repository.Root, "tests", "Vestis.Tests", "DiagnosticTests.cs"));
        var untested = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => f.Name)
            .Where(name => !source.Contains($"DiagnosticCodes.{name}, ", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(untested);
    }

    [Fact]
    public void The_base_site_has_no_diagnostics()
    {
        using var site = new TestSite();
        var result = site.Build(write: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    // ---------------------------------------------------------------- helpers

    // The base texts as TestSite.Write stores them: \n line ends and a final newline.
    private static string Base(string path) => TestSite.BaseFiles[path].ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    private static string Announcement => Base(Lv);

    private static string Site => Base("site.yml");

    private static string Measures => Base("measures.yml");

    private static string IlluksteFile => Base(Ilukste);

    /// <summary>UTF-8 bytes of <paramref name="text"/> with each U+0001 turned into 0xE2, `ā` in Windows-1257.</summary>
    private static byte[] Windows1257(string text) =>
        [.. Encoding.UTF8.GetBytes(text).Select(b => b == 0x01 ? (byte)0xE2 : b)];

    /// <summary>Replaces text that must occur exactly once, so a fixture cannot silently miss its target.</summary>
    private static string Replace(string text, string old, string replacement)
    {
        var first = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(first >= 0 && first == text.LastIndexOf(old, StringComparison.Ordinal), $"`{old}` must occur exactly once in the fixture");
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    private static string Remove(string text, string old) => Replace(text, old, "");

    private static void AssertAnnouncementChange(string old, string replacement, string code, int line, int column) =>
        AssertOnlyAfter(new() { [Lv] = Replace(Announcement, old, replacement) }, code, Lv, line, column);

    private static void AssertOnlyAfter(Dictionary<string, string?> changes, string code, string path, int line, int column,
        Severity? severity = null, string today = "2026-11-23")
    {
        using var site = new TestSite(changes);
        AssertOnly(site, site.Build(write: false, today: today), code, path, line, column, severity);
    }

    /// <summary>Edits a copy of the real templates; the audit must then report <paramref name="code"/> at <paramref name="layout"/> alone.</summary>
    private static void AssertAuditAfter(string template, string old, string replacement, string code, string layout)
    {
        using var site = new TestSite();
        using var templates = new TestTemplates();
        templates.Edit(template, text => Replace(text, old, replacement));
        AssertOnly(site, site.Build(write: false, templates: templates.Root), code, Path.Join(templates.Root, layout).Replace('\\', '/'), 1, 1);
    }

    private static readonly HashSet<string> WarningCodes =
        [DiagnosticCodes.MissingAimsOrResults, DiagnosticCodes.MissingUiString, DiagnosticCodes.NationalLogoMissing, DiagnosticCodes.StaleProject,
         DiagnosticCodes.StaleTranslation, DiagnosticCodes.UnknownCulture];

    /// <summary>
    /// Exactly one diagnostic with <paramref name="code"/>, at the path (content-relative, or absolute for files
    /// outside the content folder), line and column; no other error; and the build failed for an error code or
    /// succeeded for a warning code (<paramref name="expectedSeverity"/> decides for a code that can be either).
    /// </summary>
    private static void AssertOnly(TestSite site, BuildResult result, string code, string path, int line, int column, Severity? expectedSeverity = null)
    {
        var severity = expectedSeverity ?? (WarningCodes.Contains(code) ? Severity.Warning : Severity.Error);
        var expected = $"{severity} {code} {path}({line},{column})";
        var relevant = result.Diagnostics.Where(d => d.Code == code || d.Severity == Severity.Error).ToList();
        var all = string.Join("\n", result.Diagnostics.Select(d => $"{Where(site, d)}: {d.Message}"));
        if (relevant.Count != 1 || Where(site, relevant[0]) != expected)
            Assert.Fail($"expected only {expected}; the build reported:\n{all}");
        Assert.True(result.Succeeded == (severity == Severity.Warning), $"Succeeded is {result.Succeeded}:\n{all}");
    }

    private static string Where(TestSite site, Diagnostic d)
    {
        var inContent = d.Span.Path.StartsWith(site.Content.Replace('\\', '/') + "/", StringComparison.Ordinal);
        return $"{d.Severity} {d.Code} {(inContent ? site.Relative(d) : d.Span.Path)}({d.Span.Line},{d.Span.Column})";
    }

    /// <summary>Rewrites layouts/home.html in a copy of the real templates; returns its path as diagnostics show it.</summary>
    private static string BrokenHomeTemplate(TestTemplates templates, Func<string[], IEnumerable<string>> edit)
    {
        templates.Edit("layouts/home.html", text => string.Join("\n", edit(text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))) + "\n");
        return Path.Join(templates.Root, "layouts", "home.html").Replace('\\', '/');
    }
}
