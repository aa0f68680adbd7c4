using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Vestis.Diagnostics;
using Vestis.I18n;
using Vestis.Model;

namespace Vestis.Tests;

/// <summary>
/// A site in the languages it is read in, in Latvia: lv (default), en, ru, lt and ltg (Latgalian, which CLDR
/// does not know and which falls back to Latvian). One story has four versions, two of them only a title and a
/// body; one story exists only in Latvian and one only in Russian. Expected text is written out here.
/// </summary>
public sealed class I18nTests : IClassFixture<I18nTests.LanguagesSite>
{
    private const string Story = "announcements/ilukstes-novads/2019-09-19-projekts";
    private static readonly string[] Languages = ["lv", "en", "ru", "lt", "ltg"];

    public static readonly IReadOnlyDictionary<string, string?> Changes = new Dictionary<string, string?>
    {
        ["site.yml"] = """
            title: { lv: Paziņojumi, en: Announcements, ru: Объявления }
            baseUrl: https://projekti.example.lv/
            languages: [lv, en, ru, lt, ltg]
            country: LV
            pageSize: 20
            """,
        ["municipalities/adazu-novads.yml"] = "name: { lv: Ādažu novads, en: Ādaži Municipality, ru: Адажский край }",
        ["municipalities/cesu-novads.yml"] = "name: { lv: Cēsu novads, en: Cēsis Municipality, ru: Цесисский край }",
        ["municipalities/cornajas-pagasts.yml"] = "name: { lv: Čornajas pagasts, en: Čornaja Parish, ru: Чёрнайская волость }",
        // Latvian puts Ķ after K; English and the file names put it with K.
        ["municipalities/kekavas-novads.yml"] = "name: { lv: Ķekavas novads, en: Ķekava Municipality, ru: Кекавский край }",
        ["municipalities/kuldigas-novads.yml"] = "name: { lv: Kuldīgas novads, en: Kuldīga Municipality, ru: Кулдигский край }",
        ["municipalities/zilupes-novads.yml"] = "name: { lv: Zilupes novads, en: Zilupe Municipality, ru: Зилупский край }",
        ["municipalities/ilukstes-novads.yml"] = """
            name: { lv: Ilūkstes novads, en: Ilūkste Municipality, ru: Илукстский край }
            successor: augsdaugavas-novads
            dissolved: 2021-07-01
            """,
        ["municipalities/augsdaugavas-novads.yml"] = "name: { lv: Augšdaugavas novads, en: Augšdaugava Municipality, ru: Аугшдаугавский край }",
        // The original, updated after the English translation was made from it.
        [$"{Story}.lv.md"] = TestSite.BaseFiles[TestSite.ProjectAnnouncement].Replace("date: 2019-09-19\n", "date: 2019-09-19\nupdated: 2019-10-02\n", StringComparison.Ordinal),
        [$"{Story}.en.md"] = TestSite.BaseFiles[$"{Story}.en.md"].Replace("date: 2019-09-19\n", "date: 2019-09-19\ntranslated: 2019-09-19\n", StringComparison.Ordinal),
        // Translations that give only a title and a body: the date, the project and its facts come from the original.
        [$"{Story}.ru.md"] = "---\ntitle: Начинается реализация проекта\nslug: nachalo-proekta\ntranslated: 2019-10-02\n---\nВ Илукстском крае начинают создавать центр дневного ухода.\n",
        [$"{Story}.ltg.md"] = "---\ntitle: Suoc projekta eistynuošona\n---\nIlūkstis nūvodā suoc taisēt dīnys aprūpis centru.\n",
        // Named in the authors' own letters: the URLs are transliterated.
        ["announcements/ilukstes-novads/2020-06-05-dienas-aprūpes-centrs-atvērts.lv.md"] = "---\ntitle: Dienas aprūpes centrs atvērts\ndate: 2020-06-05\n---\nCentrs atvērts.\n",
        // Named only by the date: the URL comes from each version's title.
        ["announcements/augsdaugavas-novads/2022-03-01.lv.md"] = "---\ntitle: Rēzeknes ielā sāk būvēt grupu dzīvokļus\ndate: 2022-03-01\n---\nSāk būvēt.\n",
        ["announcements/augsdaugavas-novads/2022-03-01.ru.md"] = "---\ntitle: На улице Резекнес строят групповые квартиры\n---\nНачинают строить.\n",
        ["announcements/augsdaugavas-novads/2021-07-02-новый-край-начал-работу.ru.md"] = "---\ntitle: Новый край начал работу\ndate: 2021-07-02\n---\nАугшдаугавский край начал работу.\n",
    };

    public sealed class LanguagesSite() : BuiltSite(Changes);

    private readonly LanguagesSite fixture;

    public I18nTests(LanguagesSite fixture) => this.fixture = fixture;

    private static string Text(IElement? element) =>
        (element?.TextContent ?? "").Replace('\u00a0', ' ').Replace('\u202f', ' ').Trim();

    [Fact]
    public void The_site_builds_and_warns_about_each_stale_translation()
    {
        Assert.True(fixture.Result.Succeeded, string.Join("\n", fixture.Result.Diagnostics));
        var warnings = fixture.Result.Diagnostics.Select(d => $"{d.Code} {fixture.Site.Relative(d)}({d.Span.Line},{d.Span.Column})").Order();
        Assert.Equal([$"{DiagnosticCodes.StaleTranslation} {Story}.en.md(4,13)", $"{DiagnosticCodes.StaleTranslation} {Story}.ltg.md(1,1)"],
            warnings.Where(w => w.StartsWith(DiagnosticCodes.StaleTranslation, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_test_process_has_ICU_and_CLDR_data()
    {
        Assert.True(Cldr.IcuAvailable, "the process runs in globalization-invariant mode; install ICU");
        Assert.Equal("septembris", System.Globalization.CultureInfo.GetCultureInfo("lv").DateTimeFormat.MonthNames[8]);
        Assert.True(Cldr.Knows("lt") && !Cldr.Knows("ltg"));
    }

    [Theory]
    [InlineData("lv", "zero:0,10,11,19,20,30,100,111,1000 one:1,21,31,101,1001 other:2,3,9,22,29,102")]
    [InlineData("ru", "one:1,21,31,101 few:2,3,4,22,24,102 many:0,5,9,11,12,14,19,20,25,111,112 other:")]
    [InlineData("lt", "one:1,21,31,101 few:2,9,22,29,102 many: other:0,10,11,12,19,20,30,111")]
    [InlineData("en", "one:1 other:0,2,11,21,101")]
    [InlineData("pl", "one:1 few:2,4,22,24 many:0,5,11,12,14,21,25,112")]
    [InlineData("fr", "one:0,1 other:2,10 many:1000000")]
    [InlineData("ga", "one:1 two:2 few:3,6 many:7,10 other:0,11,20")]
    [InlineData("ltg", "zero:0,10,11 one:1,21 other:2,22")]
    [InlineData("sgs", "other:0,1,2,5,21")]
    public void A_count_takes_its_CLDR_plural_category(string language, string expected)
    {
        // ltg has no rules of its own and falls back to lv; sgs names no fallback and has only "other".
        var rules = PluralRules.For(language, language == "ltg" ? ["lv"] : []);
        foreach (var group in expected.Split(' '))
        {
            var (category, numbers) = (group.Split(':')[0], group.Split(':')[1]);
            foreach (var n in numbers.Split(',', StringSplitOptions.RemoveEmptyEntries))
                Assert.True(rules.Select(long.Parse(n)) == category, $"{language} {n}: expected {category}, got {rules.Select(long.Parse(n))}");
        }
    }

    [Theory]
    [InlineData("lv", "(2 paziņojumi)", "(0 paziņojumu)")]
    [InlineData("en", "(2 announcements)", "(0 announcements)")]
    [InlineData("ru", "(2 объявления)", "(0 объявлений)")]
    [InlineData("lt", "(2 pranešimai)", "(0 pranešimų)")]
    [InlineData("ltg", "(2 paziņuojumi)", "(0 paziņuojumu)")]
    public void The_home_page_counts_announcements_in_the_plural_form_of_its_language(string language, string two, string none)
    {
        var counts = fixture.Html($"{language}/index.html").QuerySelectorAll(".municipalities li")
            .ToDictionary(li => li.QuerySelector("a")!.GetAttribute("href")!, li => Text(li.QuerySelector(".count")));
        Assert.Equal(two, counts[$"/{language}/ilukstes-novads/"]);
        Assert.Equal(none, counts[$"/{language}/zilupes-novads/"]);
    }

    [Theory]
    [InlineData("lv", "2019. gada 1. septembris", "447 060,00 €", "380 001,00 €", "85,00 %")]
    [InlineData("en", "1 September 2019", "€447,060.00", "€380,001.00", "85.00%")]
    [InlineData("ru", "1 сентября 2019 г.", "447 060,00 €", "380 001,00 €", "85,00 %")]
    [InlineData("lt", "2019 m. rugsėjo 1 d.", "447 060,00 €", "380 001,00 €", "85,00 %")]
    [InlineData("ltg", "2019. gada 1. septembris", "447 060,00 €", "380 001,00 €", "85,00 %")]
    public void Dates_money_and_percentages_follow_the_page_languages_CLDR_conventions(string language, string start, string total, string eu, string rate)
    {
        var facts = fixture.Html($"{language}/projects/9.3.1.1-18-i-003/index.html").QuerySelector("[data-project-facts]")!;
        Assert.Equal(start, Text(facts.QuerySelector("[data-fact=period] time")));
        Assert.Equal(total, Text(facts.QuerySelector("[data-fact=total]")));
        Assert.StartsWith(eu, Text(facts.QuerySelector("[data-fact=eu-contribution]")));
        Assert.Equal(rate, Text(facts.QuerySelector("[data-fact=eu-rate]")));
    }

    [Fact]
    public void No_English_month_name_leaks_into_a_page_in_another_language()
    {
        string[] months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        foreach (var language in Languages.Where(l => l != "en"))
            foreach (var file in Directory.EnumerateFiles(Path.Join(fixture.Site.Output, language), "*.html", SearchOption.AllDirectories))
            {
                var text = fixture.Html(Path.GetRelativePath(fixture.Site.Output, file)).Body!.TextContent;
                Assert.DoesNotContain(months, m => text.Contains(m, StringComparison.Ordinal));
            }
    }

    [Theory]
    [InlineData("lv", "Ādažu novads|Augšdaugavas novads|Cēsu novads|Čornajas pagasts|Ilūkstes novads|Kuldīgas novads|Ķekavas novads|Zilupes novads")]
    [InlineData("ru", "Адажский край|Аугшдаугавский край|Зилупский край|Илукстский край|Кекавский край|Кулдигский край|Цесисский край|Чёрнайская волость")]
    [InlineData("en", "Ādaži Municipality|Augšdaugava Municipality|Cēsis Municipality|Čornaja Parish|Ilūkste Municipality|Ķekava Municipality|Kuldīga Municipality|Zilupe Municipality")]
    public void Municipalities_are_listed_in_the_collation_of_the_page_language(string language, string expected)
    {
        var names = fixture.Html($"{language}/index.html").QuerySelectorAll(".municipalities a").Select(Text);
        Assert.Equal(expected.Split('|'), names);
    }

    [Theory]
    [InlineData("Ilūkstē sāk veidot dienas aprūpes centru", "lv", "ilukste-sak-veidot-dienas-aprupes-centru")]
    [InlineData("Ķekava, Ģipka, Ļaudona, Ņukši: žogi un šķūņi", "lv", "kekava-gipka-laudona-nuksi-zogi-un-skuni")]
    [InlineData("Латгалия: проект начат в Резекне!", "ru", "latgaliia-proekt-nachat-v-rezekne")]
    [InlineData("Щит, подъезд, объём, Жёлтый", "ru", "shchit-podieezd-obieem-zheltyi")]
    [InlineData("Щастие и юнаци", "bg", "shtastie-i-yunatsi")]
    [InlineData("Rūpnīcų ąžuolai ėjo į šventę", "lt", "rupnicu-azuolai-ejo-i-svente")]
    [InlineData("Dīnys aprūpis centrs Rēzeknē", "ltg", "dinys-aprupis-centrs-rezekne")]
    [InlineData("Straße, Æbler, Łódź, Ελλάδα", "de", "strasse-aebler-lodz-ellada")]
    [InlineData("2020 — 2027", "lv", "2020-2027")]
    public void A_slug_transliterates_letters_instead_of_dropping_them(string text, string language, string slug) =>
        Assert.Equal(slug, Slugs.From(text, language));

    [Theory]
    [InlineData("!!! ???")]
    [InlineData("漢字")]
    public void Text_without_a_transliterable_letter_or_digit_makes_no_slug(string text) => Assert.Null(Slugs.From(text, "lv"));

    [Theory]
    [InlineData("lv/ilukstes-novads/2020/dienas-aprupes-centrs-atverts/index.html", "Dienas aprūpes centrs atvērts")]
    [InlineData("ru/augsdaugavas-novads/2021/novyi-krai-nachal-rabotu/index.html", "Новый край начал работу")]
    [InlineData("lv/augsdaugavas-novads/2022/rezeknes-iela-sak-buvet-grupu-dzivoklus/index.html", "Rēzeknes ielā sāk būvēt grupu dzīvokļus")]
    [InlineData("ru/augsdaugavas-novads/2022/na-ulitse-rezeknes-stroiat-gruppovye-kvartiry/index.html", "На улице Резекнес строят групповые квартиры")]
    public void A_file_named_in_Latvian_or_Russian_letters_or_only_by_its_date_is_published_at_a_transliterated_URL(string path, string title) =>
        Assert.Equal(title, Text(fixture.Html(path).QuerySelector("h1")));

    [Theory]
    [InlineData("lv", "Lapa nav atrasta")]
    [InlineData("en", "Page not found")]
    [InlineData("ru", "Страница не найдена")]
    public void Every_language_has_a_not_found_page_of_its_own_leading_to_every_home_page(string language, string title)
    {
        var page = fixture.Html($"{language}/404.html");
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, Text(page.QuerySelector("h1")));
        Assert.Equal(Languages.Select(l => (string?)$"/{l}/").ToList(), page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList());
        // The site's own 404.html is the default language's.
        Assert.Equal("lv", fixture.Html("404.html").DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Every_page_of_a_language_says_its_language()
    {
        foreach (var language in Languages)
            foreach (var file in Directory.EnumerateFiles(Path.Join(fixture.Site.Output, language), "*.html", SearchOption.AllDirectories))
                Assert.Equal(language, fixture.Html(Path.GetRelativePath(fixture.Site.Output, file)).DocumentElement.GetAttribute("lang"));
        Assert.Equal("lv", fixture.Html("index.html").DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Translations_link_each_other_with_absolute_reciprocal_hreflang_and_an_x_default()
    {
        var pages = new Dictionary<string, string>
        {
            ["lv"] = "https://projekti.example.lv/lv/ilukstes-novads/2019/projekts/",
            ["en"] = "https://projekti.example.lv/en/ilukstes-novads/2019/project-begins/",
            ["ru"] = "https://projekti.example.lv/ru/ilukstes-novads/2019/nachalo-proekta/",
            ["ltg"] = "https://projekti.example.lv/ltg/ilukstes-novads/2019/projekts/",
        };
        var expected = pages.Append(new("x-default", pages["lv"])).Select(p => $"{p.Key} {p.Value}").Order().ToList();
        foreach (var (language, url) in pages)
        {
            var page = fixture.Html(url["https://projekti.example.lv/".Length..] + "index.html");
            var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => $"{l.GetAttribute("hreflang")} {l.GetAttribute("href")}").Order();
            Assert.Equal(expected, alternates);
            Assert.Equal(url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void The_language_switcher_leads_to_the_same_page_and_to_a_home_page_only_where_no_translation_exists_saying_so()
    {
        var links = fixture.Html("en/ilukstes-novads/2019/project-begins/index.html").QuerySelectorAll("nav.languages li");
        var byLanguage = links.ToDictionary(li => li.FirstElementChild!.GetAttribute("lang")!);
        Assert.Equal(Languages.Order(), byLanguage.Keys.Order());
        Assert.Equal("page", byLanguage["en"].QuerySelector("[aria-current]")!.GetAttribute("aria-current"));
        Assert.Equal("/lv/ilukstes-novads/2019/projekts/", byLanguage["lv"].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/ru/ilukstes-novads/2019/nachalo-proekta/", byLanguage["ru"].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Русский", Text(byLanguage["ru"].QuerySelector("a")));
        Assert.Equal("ru", byLanguage["ru"].QuerySelector("a")!.GetAttribute("hreflang"));
        Assert.Null(byLanguage["ru"].QuerySelector(".note"));
        // No Lithuanian version: Lithuanian home, and a note in the page's language saying so.
        Assert.Equal("/lt/", byLanguage["lt"].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Lietuvių", Text(byLanguage["lt"].QuerySelector("a")));
        Assert.Equal("(not translated, home page)", Text(byLanguage["lt"].QuerySelector(".note")));
    }

    [Theory]
    [InlineData("en", "lv/ilukstes-novads/2020/dienas-aprupes-centrs-atverts/", "lv", "(in Latvian)")]
    [InlineData("ru", "lv/ilukstes-novads/2020/dienas-aprupes-centrs-atverts/", "lv", "(на латышском)")]
    [InlineData("lt", "lv/ilukstes-novads/2020/dienas-aprupes-centrs-atverts/", "lv", "(latviškai)")]
    public void An_index_lists_announcements_not_translated_into_its_language_in_their_own_language_marked_so(
        string language, string target, string itemLanguage, string note)
    {
        var item = fixture.Html($"{language}/ilukstes-novads/index.html").QuerySelectorAll("li.item")
            .Single(li => li.QuerySelector("a")!.GetAttribute("href") == "/" + target);
        Assert.Equal(itemLanguage, item.QuerySelector("a")!.GetAttribute("lang"));
        Assert.Equal(itemLanguage, item.QuerySelector("a")!.GetAttribute("hreflang"));
        // The rest of the entry is in the page's language.
        Assert.Null(item.GetAttribute("lang"));
        Assert.Equal(note, Text(item.QuerySelector(".note")));
        Assert.Equal("Dienas aprūpes centrs atvērts", Text(item.QuerySelector("a")));
    }

    [Fact]
    public void Names_a_language_falls_back_on_are_marked_with_the_language_they_are_in()
    {
        // Lithuanian names neither the site nor any municipality: the Latvian names are shown, marked lang="lv".
        var home = fixture.Html("lt/index.html");
        Assert.Equal(("lv", "Paziņojumi"), (home.QuerySelector("h1")!.GetAttribute("lang"), Text(home.QuerySelector("h1"))));
        Assert.Equal(("lv", "Paziņojumi"), (home.QuerySelector(".site-title a")!.GetAttribute("lang"), Text(home.QuerySelector(".site-title a"))));
        Assert.All(home.QuerySelectorAll(".municipalities a"), a => Assert.Equal("lv", a.QuerySelector("span")?.GetAttribute("lang")));
        Assert.Equal("lv", home.QuerySelector(".projects a")!.GetAttribute("lang"));
        var index = fixture.Html("lt/ilukstes-novads/index.html");
        Assert.Equal("lv", index.QuerySelector("h1 span")!.GetAttribute("lang"));
        Assert.Equal("lv", index.QuerySelector(".notice a")!.GetAttribute("lang"));
        Assert.All(index.QuerySelectorAll(".item-meta"), meta => Assert.Equal("lv", meta.QuerySelector("span")!.GetAttribute("lang")));
        // The project's aims are given only in Latvian and its results only in English.
        var project = fixture.Html("lt/projects/9.3.1.1-18-i-003/index.html").QuerySelectorAll("article.project > h2 + p").ToList();
        Assert.Equal(["lv", "en"], project.Select(p => p.GetAttribute("lang")));
        Assert.Equal("lv", fixture.Html("lt/projects/9.3.1.1-18-i-003/index.html").QuerySelector("[data-fact=measure] a")!.GetAttribute("lang"));
        // Russian names both: nothing is marked.
        var ru = fixture.Html("ru/index.html");
        Assert.Null(ru.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Empty(ru.QuerySelectorAll(".municipalities span[lang]"));
    }

    [Fact]
    public void A_Latvian_index_lists_a_Russian_only_announcement_marked_as_Russian()
    {
        var item = fixture.Html("lv/augsdaugavas-novads/index.html").QuerySelectorAll("li.item")
            .Single(li => li.QuerySelector("a")!.GetAttribute("href") == "/ru/augsdaugavas-novads/2021/novyi-krai-nachal-rabotu/");
        Assert.Equal("ru", item.QuerySelector("a")!.GetAttribute("lang"));
        Assert.Equal("(krieviski)", Text(item.QuerySelector(".note")));
    }

    [Theory]
    [InlineData("ru/ilukstes-novads/2019/nachalo-proekta/index.html", "19 сентября 2019 г.", "Начало проекта", "447 060,00 €")]
    [InlineData("ltg/ilukstes-novads/2019/projekts/index.html", "2019. gada 19. septembris", "Projekta suokums", "447 060,00 €")]
    public void A_translation_with_only_a_title_and_a_body_shows_the_originals_date_kind_and_full_facts_card(string path, string date, string kind, string total)
    {
        var page = fixture.Html(path);
        Assert.Equal(date, Text(page.QuerySelector(".meta time")));
        Assert.Equal(kind, Text(page.QuerySelector("p.kind")));
        var facts = page.QuerySelector("[data-project-facts]")!;
        Assert.Equal("9.3.1.1/18/I/003", Text(facts.QuerySelector("[data-fact=number]")));
        Assert.Equal(total, Text(facts.QuerySelector("[data-fact=total]")));
        foreach (var fact in new[] { "name", "beneficiary", "programme", "measure", "funds", "period", "status", "eu-contribution", "sources" })
            Assert.NotEqual("", Text(facts.QuerySelector($"[data-fact={fact}]")));
        // The project's name exists only in Latvian and English, so a Russian page shows it marked as Latvian.
        Assert.Equal("lv", facts.QuerySelector("[data-fact=name]")!.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("[data-eu-publicity]"));
    }

    [Theory]
    [InlineData("en/ilukstes-novads/2019/project-begins/index.html", "The original was updated on 2 October 2019 · Read the original (in Latvian)")]
    // No `translated`, and older than the update: stale too, in its own words.
    [InlineData("ltg/ilukstes-novads/2019/projekts/index.html", "Originals atjaunynuots: 2019. gada 2. oktobris · Skaiteit originalu (latvyski)")]
    // Translated from the updated original.
    [InlineData("ru/ilukstes-novads/2019/nachalo-proekta/index.html", null)]
    [InlineData("lv/ilukstes-novads/2019/projekts/index.html", null)]
    public void A_stale_translation_says_when_its_original_was_updated_and_links_it(string path, string? expected)
    {
        var note = fixture.Html(path).QuerySelector(".stale-note");
        Assert.Equal(expected, note is null ? null : string.Join(' ', Text(note).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        if (note is null) return;
        var link = note.QuerySelector("a")!;
        Assert.Equal("/lv/ilukstes-novads/2019/projekts/", link.GetAttribute("href"));
        Assert.Equal("lv", link.GetAttribute("hreflang"));
        Assert.Equal("2019-10-02", note.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Theory]
    [InlineData("lv", "Pašvaldība likvidēta: 2021. gada 1. jūlijs", "Augšdaugavas novads")]
    [InlineData("en", "This municipality was dissolved on 1 July 2021", "Augšdaugava Municipality")]
    [InlineData("ru", "Самоуправление ликвидировано: 1 июля 2021 г.", "Аугшдаугавский край")]
    public void A_dissolved_municipality_says_so_and_its_successor_offers_its_archive(string language, string dissolved, string successor)
    {
        var notice = fixture.Html($"{language}/ilukstes-novads/index.html").QuerySelector(".notice")!;
        Assert.StartsWith(dissolved, Text(notice));
        Assert.Equal((successor, $"/{language}/augsdaugavas-novads/"), (Text(notice.QuerySelector("a")), notice.QuerySelector("a")!.GetAttribute("href")));
        var archive = fixture.Html($"{language}/augsdaugavas-novads/index.html").QuerySelectorAll(".notice a").Single();
        Assert.Equal($"/{language}/ilukstes-novads/", archive.GetAttribute("href"));
    }

    [Fact]
    public void A_UI_string_missing_in_one_language_is_a_warning_and_the_page_shows_the_default_languages_text()
    {
        using var templates = new TestTemplates();
        templates.Edit("i18n/ru.yml", text => text.Replace("  latest: Последние объявления\n", "", StringComparison.Ordinal));
        templates.Edit("i18n/en.yml", text => text + "extra:\n  key: \"\"\n");
        templates.Edit("layouts/home.html", text => text.Replace("{{ t \"home.latest\" }}", "{{ t \"home.latest\" }}{{ t \"extra.key\" }}", StringComparison.Ordinal));
        using var site = new TestSite(Changes);
        var result = site.Build(templates: templates.Root);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var missing = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.MissingUiString).Select(d => $"{Path.GetFileName(d.Span.Path)}: {d.Message}").ToList();
        Assert.Contains("ru.yml: UI string `home.latest` is missing for `ru`; its pages show `Jaunākie paziņojumi`", missing);
        // An empty text counts as missing; a key no file has is shown as itself, never as nothing.
        Assert.Contains("en.yml: UI string `extra.key` is missing for `en`; its pages show `extra.key`", missing);
        Assert.Equal("Jaunākie paziņojumiextra.key", Text(new HtmlParser().ParseDocument(site.Page("ru/index.html")).QuerySelector("#latest")));
    }

    [Fact]
    public void A_plural_form_missing_for_a_language_is_a_warning_and_its_other_form_is_shown()
    {
        using var templates = new TestTemplates();
        templates.Edit("i18n/ru.yml", text => text.Replace("few: \"{0} объявления\", ", "", StringComparison.Ordinal));
        using var site = new TestSite(Changes);
        var result = site.Build(templates: templates.Root);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.MissingUiString && d.Message.StartsWith("UI string `count.announcements.few` is missing for `ru`", StringComparison.Ordinal));
        var counts = new HtmlParser().ParseDocument(site.Page("ru/index.html")).QuerySelectorAll(".municipalities .count").Select(Text);
        Assert.Contains("(2 объявления)", counts);
    }

    [Fact]
    public void A_regional_language_takes_its_languages_UI_strings_and_its_own_regions_formats()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["site.yml"] = TestSite.BaseFiles["site.yml"].Replace("[lv, en]", "[lv, en, en-US]", StringComparison.Ordinal),
        });
        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is DiagnosticCodes.MissingUiString or DiagnosticCodes.UnknownCulture);
        var page = new HtmlParser().ParseDocument(site.Page("en-US/projects/9.3.1.1-18-i-003/index.html"));
        Assert.Equal("en-US", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Project facts", Text(page.QuerySelector("[data-project-facts] h2")));
        Assert.Equal("September 1, 2019", Text(page.QuerySelector("[data-fact=period] time")));
        Assert.Equal("€447,060.00", Text(page.QuerySelector("[data-fact=total]")));
    }

    [Fact]
    public void A_language_CLDR_does_not_know_is_built_with_its_fallbacks_conventions()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["site.yml"] = Changes["site.yml"]!.Replace("[lv, en, ru, lt, ltg]", "[lv, en, sgs]", StringComparison.Ordinal)
                .Replace(", ru: Объявления", "", StringComparison.Ordinal),
            [$"{Story}.sgs.md"] = "---\ntitle: Prasided pruojekts\n---\nTekstos.\n",
        });
        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownCulture && d.Span.Path.EndsWith("i18n/sgs.yml", StringComparison.Ordinal));
        var page = new HtmlParser().ParseDocument(site.Page("sgs/ilukstes-novads/2019/projekts/index.html"));
        Assert.Equal("sgs", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("2019. gada 19. septembris", Text(page.QuerySelector(".meta time")));
        Assert.Equal("447 060,00 €", Text(page.QuerySelector("[data-fact=total]")));
        Assert.Equal("sgs", Text(page.QuerySelectorAll("nav.languages [lang=sgs]").Single()));
    }
}
