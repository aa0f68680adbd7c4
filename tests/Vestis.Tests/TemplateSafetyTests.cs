using Vestis.Diagnostics;

namespace Vestis.Tests;

/// <summary>
/// Templates run confined: they read no file outside <c>templates/</c>, loops and recursion are bounded, and a
/// page is never cut short in silence. Each failure is a template error (VES090) at the template, not a crash.
/// </summary>
public sealed class TemplateSafetyTests
{
    [Theory]
    [InlineData("{{ include \"../../../../../../etc/passwd\" }}")]
    [InlineData("{{ include \"/etc/passwd\" }}")]
    [InlineData("{{ partial \"../layouts/base\" model }}")]
    [InlineData("{{ partial \"../../../../../../etc/passwd\" model }}")]
    [InlineData("{{ while true }}x{{ end }}")]
    [InlineData("{{ for i in 1..10000000 }}{{ i }}{{ end }}")]
    [InlineData("{{ func f; ret f; end; f }}")]
    [InlineData("{{ partial \"again\" it }}")]
    [InlineData("{{ t null }}")]
    [InlineData("{{ partial null null }}")]
    [InlineData("{{ plural \"list.count\" -9223372036854775808 }}")]
    [InlineData("{{ \"x\" | string.pad_left 100000000 }}")]
    [InlineData("{{ model.no_such_field }}")]
    [InlineData("{{ [1,2,3] | array.offset 1000000000 }}{{ x = [] ; for i in 1..20 ; x = x | array.add_range x | array.add i ; end }}")]
    public void A_template_that_reaches_outside_or_runs_away_is_a_template_error(string statement)
    {
        using var site = new TestSite();
        using var templates = new TestTemplates();
        File.WriteAllText(Path.Join(templates.Root, "partials", "again.html"), "{{ partial \"again\" it }}");
        templates.Edit("layouts/home.html", text => statement + text);

        var result = site.Build(write: false, templates: templates.Root);

        Assert.False(result.Succeeded);
        Assert.All(result.Diagnostics.Where(d => d.Severity == Severity.Error), d => Assert.Equal(DiagnosticCodes.TemplateError, d.Code));
        Assert.Contains(result.Diagnostics, d => d.Span.Path.StartsWith(templates.Root.Replace('\\', '/'), StringComparison.Ordinal));
        // What the page would have held, as `serve` shows it in spite of the error.
        var served = new Serving.LiveSite(site.Options(templates.Root)).Rebuild().Get("lv/index.html");
        Assert.DoesNotContain("root:x:0:0", System.Text.Encoding.UTF8.GetString(served!.Content));
    }

    [Fact]
    public void A_long_project_page_is_rendered_whole()
    {
        // A hundred and twenty announcements about one project, each with a long title and summary: Scriban's default
        // output budget (1 MiB, counted again in every nested partial) once cut this page off without a word.
        var files = new Dictionary<string, string?>();
        for (var i = 0; i < 120; i++)
            files[$"announcements/augsdaugavas-novads/2022-{1 + i / 28:00}-{1 + i % 28:00}-zina-{i}.lv.md"] = $"""
                ---
                title: Ziņa {i} {new string('ā', 180)}
                date: 2022-{1 + i / 28:00}-{1 + i % 28:00}
                summary: {new string('ē', 290)}
                project: "9.3.1.1/18/I/003"
                ---
                Teksts.
                """;
        using var site = new TestSite(files);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = site.Page("lv/projects/9.3.1.1-18-i-003/index.html");
        Assert.All(Enumerable.Range(0, 120), i => Assert.Contains($"/zina-{i}/", page));
        Assert.EndsWith("</html>\n", page);
    }

    [Fact]
    public void A_partial_gives_only_its_own_text_wherever_the_template_writes_it()
    {
        using var site = new TestSite();
        using var templates = new TestTemplates();
        File.WriteAllText(Path.Join(templates.Root, "partials", "mark.html"), "<i>mark {{ it }}</i>");
        templates.Edit("layouts/home.html", text => "<p>A</p>{{ kept = partial \"mark\" 1 }}<p>B</p>{{ kept }}" + text);

        var result = site.Build(templates: templates.Root);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("<p>A</p><p>B</p><i>mark 1</i>", site.Page("lv/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partials_text_read_as_a_value_or_captured_is_its_text()
    {
        using var site = new TestSite();
        using var templates = new TestTemplates();
        File.WriteAllText(Path.Join(templates.Root, "partials", "mark.html"), "<i>ā {{ it }}</i>");
        templates.Edit("layouts/home.html", text =>
            "{{ kept = partial \"mark\" 1 }}<p class=\"size\">{{ kept | string.size }}</p>"
            + "{{ capture held }}{{ partial \"mark\" 2 }}{{ end }}<p class=\"held\">{{ held | string.replace \"<\" \"[\" }}</p>" + text);

        var result = site.Build(templates: templates.Root);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = site.Page("lv/index.html");
        Assert.Contains("<p class=\"size\">10</p>", page, StringComparison.Ordinal);
        // A captured text is a text like any other: printed escaped.
        Assert.Contains("<p class=\"held\">[i&gt;ā 2[/i&gt;</p>", page, StringComparison.Ordinal);
    }
}
