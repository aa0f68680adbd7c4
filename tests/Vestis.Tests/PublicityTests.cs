using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Vestis.Diagnostics;
using Vestis.Publicity;

namespace Vestis.Tests;

/// <summary>
/// The EU publicity label and the facts card on a site in five languages: lv, en and lt carry the label in
/// their own words; ru and ltg are not official EU languages and carry it in Latvian. Three projects cover
/// the label's cases: 2014–2020 (emblem, "European Union", the fund), 2021–2027 co-funded (EU share below
/// 100 %) and 2021–2027 funded (100 %). The expected wording is written out here, not taken from the code.
/// </summary>
public sealed class PublicityTests : IClassFixture<PublicityTests.LabelSite>
{
    public const string Older = "9.3.1.1-18-i-003";       // 2014–2020, ERDF 85 %
    public const string CoFunded = "4.3.1.1-1-24-i-001";  // 2021–2027, ERDF + CF, 64.02 % EU
    public const string Funded = "4.2.1.1-1-24-i-002";    // 2021–2027, ESF+ 100 %

    private const string Slogan = "Ieguldījums tavā nākotnē";

    public static readonly IReadOnlyDictionary<string, string?> Changes = new Dictionary<string, string?>
    {
        ["site.yml"] = """
            title: { lv: Paziņojumi, en: Announcements }
            baseUrl: https://projekti.example.lv/
            languages: [lv, en, lt, ru, ltg]
            country: LV
            pageSize: 2
            publicity:
              slogan: { lv: Ieguldījums tavā nākotnē }
            """,
        // Only a viewBox: the size comes from it (300 × 100 scales to 180 × 60 beside the emblem).
        ["publicity/nap2027.svg"] = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><rect width="300" height="100" fill="#9e3039"/></svg>
            """,
        ["announcements/augsdaugavas-novads/2023-12-15-ligums.lv.md"] = """
            ---
            title: Noslēgts līgums par ēku energoefektivitāti
            date: 2023-12-15
            project:
              id: "4.3.1.1/1/24/I/001"
              name: Pašvaldības ēku energoefektivitāte
              programme: 2021-2027
              measure: "9.3.1.1"
              funds: [ERDF, CF]
              start: 2024-01-01
              end: 2026-12-31
              aims: Samazināt pašvaldības ēku enerģijas patēriņu.
              budget:
                total: 447060.00
                sources:
                  - { source: ERDF, amount: 186213.57 }
                  - { source: CF, amount: 100000.00 }
                  - { source: municipality, amount: 159846.43 }
                  - { source: municipality, amount: 1000.00, eligible: false }
            ---
            Līgums noslēgts.
            """,
        ["announcements/augsdaugavas-novads/2024-05-01-apmacibas.lv.md"] = """
            ---
            title: Sākas apmācības
            date: 2024-05-01
            project:
              id: "4.2.1.1/1/24/I/002"
              name: Pieaugušo apmācības
              programme: 2021-2027
              measure: "9.3.1.1"
              funds: [ESF+]
              start: 2024-04-01
              end: 2025-03-31
              aims: Apmācīt pieaugušos.
              budget:
                total: 1000.01
                sources:
                  - { source: ESF+, percent: 100 }
            ---
            Apmācības sākas.
            """,
    };

    public sealed class LabelSite() : BuiltSite(Changes);

    private readonly LabelSite fixture;

    public PublicityTests(LabelSite fixture) => this.fixture = fixture;

    [Fact]
    public void The_five_language_site_builds_and_passes_its_own_audit()
    {
        Assert.True(fixture.Result.Succeeded, string.Join("\n", fixture.Result.Diagnostics));
        Assert.DoesNotContain(fixture.Result.Diagnostics, d => d.Code.StartsWith("VES1", StringComparison.Ordinal) || d.Code is DiagnosticCodes.AuditLabel or DiagnosticCodes.AuditFacts);
    }

    public static TheoryData<string, string, string, string, string[]> Labels => new()
    {
        { Older, "lv", "lv", "Eiropas Savienība", ["Eiropas Reģionālās attīstības fonds"] },
        { Older, "en", "en", "European Union", ["European Regional Development Fund"] },
        { Older, "lt", "lt", "Europos Sąjunga", ["Europos regioninės plėtros fondas"] },
        { Older, "ru", "lv", "Eiropas Savienība", ["Eiropas Reģionālās attīstības fonds"] },
        { Older, "ltg", "lv", "Eiropas Savienība", ["Eiropas Reģionālās attīstības fonds"] },
        { CoFunded, "lv", "lv", "Līdzfinansē Eiropas Savienība", [] },
        { CoFunded, "en", "en", "Co-funded by the European Union", [] },
        { CoFunded, "lt", "lt", "Bendrai finansuoja Europos Sąjunga", [] },
        { CoFunded, "ru", "lv", "Līdzfinansē Eiropas Savienība", [] },
        { CoFunded, "ltg", "lv", "Līdzfinansē Eiropas Savienība", [] },
        { Funded, "lv", "lv", "Finansē Eiropas Savienība", [] },
        { Funded, "en", "en", "Funded by the European Union", [] },
        { Funded, "lt", "lt", "Finansuoja Europos Sąjunga", [] },
        { Funded, "ru", "lv", "Finansē Eiropas Savienība", [] },
        { Funded, "ltg", "lv", "Finansē Eiropas Savienība", [] },
    };

    [Theory]
    [MemberData(nameof(Labels))]
    public void A_project_page_carries_the_label_of_its_period_and_EU_share_in_the_right_language(
        string project, string pageLanguage, string labelLanguage, string statement, string[] funds)
    {
        var page = fixture.Html($"{pageLanguage}/projects/{project}/index.html");
        Assert.Equal(pageLanguage, page.DocumentElement.GetAttribute("lang"));
        var label = Assert.Single(page.QuerySelectorAll("[data-eu-publicity]"));

        Assert.Equal(labelLanguage, label.GetAttribute("lang"));
        // The statement, then each fund's full name on its own line: nothing else, nothing abbreviated.
        var lines = label.QuerySelector(".eu-statement")!.InnerHtml.Split("<br>").Select(l => new HtmlParser().ParseFragment(l, page.Body!).Select(n => n.TextContent).Aggregate("", string.Concat));
        Assert.Equal([statement, .. funds], lines);
        var emblem = Assert.Single(label.QuerySelectorAll("svg[data-eu-emblem]"));
        Assert.Equal(statement, emblem.GetAttribute("aria-label"));
        Assert.Equal("img", emblem.GetAttribute("role"));
        Assert.Empty(label.QuerySelectorAll("i, em, abbr"));

        // The Latvian 2014–2020 ensemble carries the slogan, in the label's language only.
        var slogan = label.QuerySelector(".eu-slogan")?.TextContent;
        Assert.Equal(project == Older && labelLanguage == "lv" ? Slogan : null, slogan);

        // The label comes before the page's heading, so that it is in the first screenful.
        Assert.True(label.CompareDocumentPosition(page.QuerySelector("h1")!).HasFlag(DocumentPositions.Following));
    }

    [Theory]
    [InlineData(Older, "publicity/nap2020.svg", "Nacionālais attīstības plāns 2020", 90, true)]
    [InlineData(CoFunded, "publicity/nap2027.svg", "Nacionālais attīstības plāns 2027", 180, false)]
    [InlineData(Funded, "publicity/nap2027.svg", "Nacionālais attīstības plāns 2027", 180, false)]
    public void The_national_logo_stands_where_the_Latvian_rules_put_it_and_no_taller_than_the_emblem(
        string project, string file, string alt, int width, bool beforeEmblem)
    {
        foreach (var language in new[] { "lv", "en", "ru" })
        {
            var label = fixture.Html($"{language}/projects/{project}/index.html").QuerySelector("[data-eu-publicity]")!;
            var logo = Assert.Single(label.QuerySelectorAll("img[data-national-logo]"));
            var emblem = label.QuerySelector("svg[data-eu-emblem]")!;
            Assert.Equal("/" + file, logo.GetAttribute("src"));
            Assert.Equal(alt, logo.GetAttribute("alt"));
            Assert.Equal("lv", logo.GetAttribute("lang"));
            Assert.Equal(emblem.GetAttribute("height"), logo.GetAttribute("height"));
            Assert.Equal(width.ToString(CultureInfo.InvariantCulture), logo.GetAttribute("width"));
            Assert.Equal(beforeEmblem, logo.CompareDocumentPosition(emblem).HasFlag(DocumentPositions.Following));
        }
        Assert.Equal(File.ReadAllBytes(Path.Join(fixture.Site.Content, file)), File.ReadAllBytes(Path.Join(fixture.Site.Output, file)));
    }

    [Theory]
    [InlineData("lv/augsdaugavas-novads/2023/ligums/index.html", "lv", "Līdzfinansē Eiropas Savienība")]
    [InlineData("lv/ilukstes-novads/2019/projekts/index.html", "lv", "Eiropas Savienība")]
    [InlineData("en/ilukstes-novads/2019/project-begins/index.html", "en", "European Union")]
    public void An_announcement_about_a_project_carries_its_label_and_facts_card(string path, string labelLanguage, string statement)
    {
        var page = fixture.Html(path);
        var label = Assert.Single(page.QuerySelectorAll("[data-eu-publicity]"));
        Assert.Equal(labelLanguage, label.GetAttribute("lang"));
        Assert.Equal(statement, label.QuerySelector("svg[data-eu-emblem]")!.GetAttribute("aria-label"));
        Assert.Single(page.QuerySelectorAll("[data-project-facts]"));
    }

    [Fact]
    public void A_page_about_no_project_has_no_label()
    {
        var pages = Directory.EnumerateFiles(fixture.Site.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(fixture.Site.Output, f).Replace('\\', '/'))
            .Where(p => !p.Contains("/projects/", StringComparison.Ordinal) && !p.Contains("/20", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("lv/index.html", pages);
        Assert.Contains("ru/funds/erdf/index.html", pages);
        Assert.Contains("embed/lv/augsdaugavas-novads/index.html", pages);
        Assert.Contains("404.html", pages);
        Assert.All(pages, p => Assert.Empty(fixture.Html(p).QuerySelectorAll("[data-eu-publicity]")));
    }

    [Theory]
    [InlineData("lv", "447 060,00 €", "186 213,57 €", "286 213,57 €", "64,02 %", "1 000,00 €", "ES daļa no kopējām izmaksām")]
    [InlineData("en", "€447,060.00", "€186,213.57", "€286,213.57", "64.02%", "€1,000.00", "EU share of total cost")]
    public void The_facts_card_states_money_shares_and_the_EU_rate_as_EU_amount_over_total(
        string language, string total, string erdf, string eu, string rate, string nonEligible, string rateLabel)
    {
        var card = fixture.Html($"{language}/projects/{CoFunded}/index.html").QuerySelector("[data-project-facts]")!;
        string Fact(string name) => Text(card.QuerySelector($"[data-fact=\"{name}\"]")!);

        Assert.Equal("4.3.1.1/1/24/I/001", Fact("number"));
        Assert.Equal(total, Fact("total"));
        Assert.Equal(rate, Fact("eu-rate"));
        Assert.StartsWith(eu, Fact("eu-contribution"));
        Assert.Contains(rateLabel, Fact("eu-contribution"));
        Assert.Equal(nonEligible, Fact("non-eligible"));
        var rows = card.QuerySelectorAll("[data-fact=sources] tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToList()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(erdf, rows[0][0]);
        Assert.StartsWith("9.3.1.1 ", Fact("measure"));
    }

    [Fact]
    public void Percentages_become_amounts_to_the_cent_that_still_sum_to_the_total()
    {
        var card = fixture.Html($"en/projects/{Funded}/index.html").QuerySelector("[data-project-facts]")!;
        Assert.Equal("€1,000.01", Text(card.QuerySelector("[data-fact=total]")!));
        Assert.Equal(["€1,000.01", "100.00%"], card.QuerySelectorAll("[data-fact=sources] tbody td").Select(Text));
        Assert.Equal("100.00%", Text(card.QuerySelector("[data-fact=eu-rate]")!));
    }

    [Theory]
    [InlineData("2023-12-31", "plānots", "planned")]
    [InlineData("2024-01-01", "tiek īstenots", "ongoing")]
    [InlineData("2026-12-31", "tiek īstenots", "ongoing")]
    [InlineData("2027-01-01", "pabeigts", "completed")]
    public void The_status_follows_the_build_date(string today, string lv, string en)
    {
        using var site = new TestSite(Changes);
        var result = site.Build(today: today);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        string Status(string language) => Text(new HtmlParser().ParseDocument(site.Page($"{language}/projects/{CoFunded}/index.html"))
            .QuerySelector("[data-project-facts] [data-fact=status]")!);
        Assert.Equal(lv, Status("lv"));
        Assert.Equal(en, Status("en"));
    }

    [Theory]
    [InlineData("lv/funds/erdf/index.html", new[] { Older, CoFunded })]
    [InlineData("lv/funds/cf/index.html", new[] { CoFunded })]
    [InlineData("en/funds/esf-plus/index.html", new[] { Funded })]
    [InlineData("ltg/measures/9.3.1.1/index.html", new[] { Older, CoFunded, Funded })]
    public void Fund_and_measure_pages_list_every_project_they_cover_with_the_number_of_its_announcements(string path, string[] projects)
    {
        var page = fixture.Html(path);
        var language = path.Split('/')[0];
        var entries = page.QuerySelectorAll(".project-list > li").ToList();
        Assert.Equal(projects.Select(p => $"/{language}/projects/{p}/").Order(StringComparer.Ordinal),
            entries.Select(e => e.QuerySelector("h2 a")!.GetAttribute("href")!).Order(StringComparer.Ordinal));
        // The announcements themselves are on the project's page, where the count leads.
        Assert.All(entries, e => Assert.Empty(e.QuerySelectorAll(".item")));
        Assert.All(entries, e => Assert.Equal(e.QuerySelector("h2 a")!.GetAttribute("href") + "#timeline", e.QuerySelector("a.count")!.GetAttribute("href")));
        Assert.All(entries, e => Assert.StartsWith("1 ", e.QuerySelector("a.count")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_PNG_logo_is_sized_from_its_header_and_scaled_to_the_emblems_height()
    {
        using var site = new TestSite(new Dictionary<string, string?> { [TestSite.NationalLogo] = null });
        site.Write("site.yml", TestSite.BaseFiles["site.yml"] + "\npublicity:\n  logos:\n    2014-2020: { file: nap2020.png }\n");
        // The PNG signature and an IHDR chunk for 400 × 100 pixels, which is all the size needs.
        byte[] header = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0x01, 0x90, 0, 0, 0, 0x64, 8, 2, 0, 0, 0];
        Directory.CreateDirectory(Path.Join(site.Content, "publicity"));
        File.WriteAllBytes(Path.Join(site.Content, "publicity", "nap2020.png"), header);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var logo = new HtmlParser().ParseDocument(site.Page("lv/projects/9.3.1.1-18-i-003/index.html")).QuerySelector("img[data-national-logo]")!;
        Assert.Equal(("240", "60"), (logo.GetAttribute("width"), logo.GetAttribute("height")));
    }

    // ---------------------------------------------------------------- the audit

    /// <summary>The emblem as a template could write it out instead of <c>{{ it.emblem }}</c>.</summary>
    private static readonly string WrittenOutEmblem = EuEmblem.Svg("STATEMENT").Replace("STATEMENT", "{{ it.statement }}", StringComparison.Ordinal);

    public static TheoryData<string, string, string, string, string> TemplateEdits => new()
    {
        { "layouts/base.html", "{{ partial \"publicity\" page.publicity }}", "", DiagnosticCodes.AuditLabel, "has no EU publicity label" },
        { "partials/publicity.html", "{{ it.emblem }}", "<img src=\"/assets/eu.png\" alt=\"EU\">", DiagnosticCodes.AuditLabel, "has no emblem" },
        { "partials/publicity.html", "{{ it.emblem }}", WrittenOutEmblem.Replace("#FFCC00", "#FFCC01", StringComparison.Ordinal), DiagnosticCodes.AuditLabel, "the EU emblem differs" },
        { "partials/publicity.html", "{{ it.emblem }}", WrittenOutEmblem.Replace("<rect ", "<rect rx=\"9\" ", StringComparison.Ordinal), DiagnosticCodes.AuditLabel, "the EU emblem differs" },
        { "partials/publicity.html", "{{ it.emblem }}", WrittenOutEmblem.Replace("</g>", "<!-- --></g>", StringComparison.Ordinal), DiagnosticCodes.AuditLabel, "the EU emblem differs" },
        { "partials/publicity.html", "{{ it.emblem }}", WrittenOutEmblem.Replace(" role=\"img\"", "", StringComparison.Ordinal).Replace(" viewBox", " role=\"img\" viewBox", StringComparison.Ordinal), DiagnosticCodes.AuditLabel, "the EU emblem differs" },
        { "partials/publicity.html", "<p class=\"eu-statement\">{{ it.statement }}", "<p class=\"eu-statement\"><em>{{ it.statement }}</em>", DiagnosticCodes.AuditLabel, "never italic" },
        { "partials/publicity.html", "{{ it.statement }}{{ for", "{{ it.statement | string.replace \"Eiropas Savienība\" \"ES\" }}{{ for", DiagnosticCodes.AuditLabel, "does not say \"Eiropas Savienība\" in full" },
        { "partials/publicity.html", "{{ for fund in it.funds }}<br><span class=\"eu-fund\">{{ fund }}</span>{{ end }}", "", DiagnosticCodes.AuditLabel, "does not say \"Eiropas Reģionālās attīstības fonds\"" },
        { "partials/publicity.html", "lang=\"{{ it.lang }}\"", "lang=\"{{ page.lang }}\"", DiagnosticCodes.AuditLabel, "marked lang=\"ru\", but its wording is in `lv`" },
        { "partials/publicity.html", "data-eu-publicity", "data-eu-publicity hidden", DiagnosticCodes.AuditLabel, "hidden from readers" },
        { "partials/publicity.html", "data-eu-publicity", "aria-hidden=\"true\" data-eu-publicity", DiagnosticCodes.AuditLabel, "hidden from readers" },
        // A table without its <tbody> is parsed by AngleSharp rather than the audit's own parser: the label is found all the same.
        { "layouts/base.html", "<footer class=\"site-footer\">", "<table><tr><td>t</td></tr></table><footer class=\"site-footer\" data-eu-publicity>", DiagnosticCodes.AuditLabel, "a page about no project carries an EU publicity label" },
        { "partials/national-logo.html", "height=\"{{ it.height }}\"", "height=\"{{ it.height * 2 }}\"", DiagnosticCodes.AuditLabel, "height of at most the emblem's 60 px" },
        { "partials/publicity.html", "{{- if it.logo_before }}", "{{- if false }}", DiagnosticCodes.AuditLabel, "lacks the national logo `publicity/nap2020.svg`" },
        { "layouts/base.html", "<footer class=\"site-footer\">", "<footer class=\"site-footer\" data-eu-publicity>", DiagnosticCodes.AuditLabel, "a page about no project carries an EU publicity label" },
        { "partials/facts.html", " data-fact=\"total\"", "", DiagnosticCodes.AuditFacts, "does not state `total`" },
        { "partials/facts.html", "<dd data-fact=\"number\">{{ it.id }}</dd>", "<dd data-fact=\"number\">{{ it.name }}</dd>", DiagnosticCodes.AuditFacts, "no facts card" },
    };

    [Theory]
    [MemberData(nameof(TemplateEdits))]
    public void The_audit_fails_the_build_when_a_template_edit_breaks_the_label_or_facts_card(
        string template, string old, string replacement, string code, string problem)
    {
        using var templates = new TestTemplates();
        templates.Edit(template, text => text.Replace(old, replacement, StringComparison.Ordinal));
        using var site = new TestSite(Changes);
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Join(site.Output, "index.html"), "the previous site");

        var result = site.Build(templates: templates.Root);

        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(code, e.Code));
        Assert.Contains(errors, e => e.Message.Contains(problem, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.StartsWith(templates.Root.Replace('\\', '/') + "/layouts/", e.Span.Path, StringComparison.Ordinal));
        Assert.Equal("the previous site", File.ReadAllText(Path.Join(site.Output, "index.html")));
    }

    [Fact]
    public void The_audit_compares_the_emblem_as_parsed_so_the_official_one_written_out_otherwise_passes()
    {
        using var templates = new TestTemplates();
        templates.Edit("partials/publicity.html", text => text.Replace("{{ it.emblem }}",
            WrittenOutEmblem.Replace("width=\"90\"", "width=90", StringComparison.Ordinal).Replace("<rect", "<RECT", StringComparison.Ordinal), StringComparison.Ordinal));
        using var site = new TestSite(Changes);

        var result = site.Build(write: false, templates: templates.Root);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void An_audit_failure_is_reported_once_per_layout_with_the_number_of_pages()
    {
        using var templates = new TestTemplates();
        templates.Edit("layouts/base.html", text => text.Replace("{{ partial \"publicity\" page.publicity }}", "", StringComparison.Ordinal));
        using var site = new TestSite(Changes);

        var result = site.Build(write: false, templates: templates.Root);

        Assert.Equal(
            [
                $"{templates.Root}/layouts/announcement.html(1,1): error VES093: a page about a project has no EU publicity label (an element with data-eu-publicity) (on 4 pages, e.g. en/ilukstes-novads/2019/project-begins/index.html)",
                $"{templates.Root}/layouts/project.html(1,1): error VES093: a page about a project has no EU publicity label (an element with data-eu-publicity) (on 15 pages, e.g. en/projects/4.2.1.1-1-24-i-002/index.html)",
            ],
            result.Diagnostics.Select(d => d.ToString()));
    }

    private static string Text(IElement element) =>
        string.Join(' ', element.TextContent.Replace('\u00a0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
