namespace Vestis.Tests;

/// <summary>
/// The accessibility statement (Directive (EU) 2016/2102, the model of Implementing Decision (EU) 2018/1523): a page
/// per language from site.yml's <c>accessibility:</c>, with every part of the model, linked from every page's footer.
/// </summary>
public sealed class AccessibilityStatementTests
{
    /// <summary>The statement's settings, appended to the test site's site.yml: `status` is on line 8, `contact` on line 9.</summary>
    public const string Settings = """

        accessibility:
          status: partial
          contact: { email: pieejamiba@example.lv }
          enforcement: { name: { lv: Tiesībsarga birojs, en: Ombudsman's Office of the Republic of Latvia }, url: https://www.tiesibsargs.lv/ }
          prepared: 2026-11-02
          reviewed: 2026-11-20
          exceptions:
            - { lv: Skenēti PDF pielikumi, en: Scanned PDF attachments }
        """;

    [Theory]
    [InlineData("lv", "Šī tīmekļvietne daļēji atbilst standartam EN 301 549", "2026. gada 2. novembris", "Tiesībsarga birojs")]
    [InlineData("en", "This website is partially compliant with EN 301 549", "2 November 2026", "Ombudsman&#39;s Office")]
    [InlineData("ru", "Этот сайт частично соответствует стандарту EN 301 549", "2 ноября 2026 г.", "<span lang=\"lv\">Tiesībsarga birojs</span>")]
    [InlineData("lt", "Ši svetainė iš dalies atitinka standartą EN 301 549", "2026 m. lapkričio 2 d.", "<span lang=\"lv\">Tiesībsarga birojs</span>")]
    [InlineData("ltg", "Šī tīmekļvietne daļēji atbilst standartam EN 301 549", "2026. gada 2. novembris", "<span lang=\"lv\">Tiesībsarga birojs</span>")]
    public void Each_language_has_a_statement_with_status_exceptions_preparation_feedback_and_enforcement(string language, string status, string date, string enforcement)
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["site.yml"] = TestSite.BaseFiles["site.yml"].Replace("languages: [lv, en]", "languages: [lv, en, ru, lt, ltg]", StringComparison.Ordinal) + Settings,
        });
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.MissingUiString);
        // CLDR puts no-break spaces into some dates (ru "2 ноября 2026 г."); compared here as plain spaces.
        var page = site.Page($"{language}/accessibility/index.html").Replace('\u00A0', ' ').Replace('\u202F', ' ');
        Assert.Contains(status, page, StringComparison.Ordinal);
        Assert.Contains($"<time datetime=\"2026-11-02\">{date}</time>", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-11-20\">", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:pieejamiba@example.lv\">", page, StringComparison.Ordinal);
        Assert.Contains(enforcement, page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.tiesibsargs.lv/\">", page, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "Scanned PDF attachments" : "Skenēti PDF pielikumi", page, StringComparison.Ordinal);
        Assert.Contains($"<loc>https://projekti.example.lv/{language}/accessibility/</loc>", File.ReadAllText(Path.Join(site.Output, "sitemap.xml")), StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Join(site.Output, language), "index.html", SearchOption.AllDirectories))
            Assert.Contains($"<a href=\"/{language}/accessibility/\"", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_settings_there_is_no_statement_and_no_link_to_one()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        Assert.False(Directory.Exists(Path.Join(site.Output, "lv", "accessibility")));
        Assert.DoesNotContain("/accessibility/", site.Page("lv/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_municipality_may_take_the_statement_s_address()
    {
        Assert.Contains("accessibility", Model.Urls.Sections);
    }
}
