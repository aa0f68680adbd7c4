using Vestis.Diagnostics;
using Vestis.Templating;

namespace Vestis.Tests;

/// <summary>
/// A project's facts card is on every page about the project. Its view is shared by those pages, and a partial that
/// depends only on the value it is given renders it once per language; a partial that reads the page renders on
/// every page.
/// </summary>
public sealed class SharedPartialTests
{
    [Theory]
    [InlineData("{{ it.name }} {{ t \"facts.heading\" }} {{ plural \"count.places\" it.places }}", true)]
    [InlineData("{{ for f in it.funds }}{{ if !for.first }}, {{ end }}{{ f.text | string.upcase }}{{ end }}", true)]
    [InlineData("{{ page.title }}", false)]
    [InlineData("{{ model.title }}", false)]
    [InlineData("{{ content }}", false)]
    [InlineData("{{ if it.name }}{{ this.page }}{{ end }}", false)]
    [InlineData("{{ partial \"plain\" it }}", true)]
    [InlineData("{{ partial \"of-page\" it }}", false)]
    [InlineData("{{ partial \"calls-page\" it }}", false)]
    [InlineData("{{ partial it.name it }}", false)]
    [InlineData("{{ partial \"missing\" it }}", false)]
    [InlineData("{{ p = partial; p \"plain\" it }}", false)]
    [InlineData("{{ partial \"plain\" page }}", false)]
    [InlineData("{{ if it.child }}{{ partial \"tested\" it.child }}{{ end }}", true)]
    public void A_partial_depends_only_on_its_value_when_nothing_it_does_reads_the_page(string partial, bool valueOnly)
    {
        using var templates = new TestTemplates();
        File.WriteAllText(Path.Join(templates.Root, "partials", "tested.html"), partial);
        File.WriteAllText(Path.Join(templates.Root, "partials", "plain.html"), "{{ it.name }}");
        File.WriteAllText(Path.Join(templates.Root, "partials", "of-page.html"), "{{ page.lang }}");
        File.WriteAllText(Path.Join(templates.Root, "partials", "calls-page.html"), "{{ partial \"of-page\" it }}");
        var diagnostics = new DiagnosticBag();

        var catalog = TemplateCatalog.Load(templates.Root, diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(valueOnly, catalog.DependsOnlyOnValue("partials/tested"));
    }

    [Fact]
    public void The_bundled_facts_card_depends_only_on_its_project()
    {
        var catalog = TemplateCatalog.Load(Repository.Templates, new DiagnosticBag());

        Assert.True(catalog.DependsOnlyOnValue("partials/facts"));
    }

    [Fact]
    public void The_pages_about_a_project_share_its_view_until_the_last_has_taken_it()
    {
        var options = new BuildOptions(Repository.Content, Repository.Templates, null, false, new DateOnly(2026, 11, 23), 1);
        var planned = SiteBuilder.Plan(options, new DiagnosticBag(), new StageClock(BuildProgress.None))!;
        var (projectId, pages) = planned.Files.Where(f => f.Language == "lv" && f.AboutProject is not null)
            .CountBy(f => f.AboutProject!).MaxBy(c => c.Value);
        var project = planned.Site.Content.Projects[projectId];
        var views = planned.Views("lv");

        var taken = Enumerable.Range(0, pages).Select(_ => views.Project(project)).ToList();
        var after = views.Project(project);

        Assert.True(pages > 2, $"project {projectId} has {pages} pages");
        Assert.All(taken, view => Assert.Same(taken[0], view));
        Assert.NotSame(taken[0], after);
        Assert.Equal(taken[0].Id, after.Id);
    }

    [Fact]
    public void A_card_that_reads_the_page_shows_each_page_its_own()
    {
        using var templates = new TestTemplates();
        templates.Edit("partials/facts.html", text => text.Replace("<dl>", "<p class=\"on-page\">{{ page.title }}</p>\n<dl>", StringComparison.Ordinal));
        using var site = new TestSite();

        var result = site.Build(templates: templates.Root);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var pages = result.Files.Where(f => f.Language == "lv" && f.Kind is "announcement" or "project").Select(f => f.Path).ToList();
        Assert.True(pages.Count >= 2, string.Join(", ", pages));
        foreach (var path in pages)
        {
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(site.Page(path));
            Assert.Equal(html.Title!.Split(" · ")[0], html.QuerySelector(".facts .on-page")!.TextContent);
        }
    }

    [Fact]
    public void A_project_page_and_its_embeddable_list_share_the_list_of_its_stories_until_both_have_taken_it()
    {
        var options = new BuildOptions(Repository.Content, Repository.Templates, null, false, new DateOnly(2026, 11, 23), 1);
        var planned = SiteBuilder.Plan(options, new DiagnosticBag(), new StageClock(BuildProgress.None))!;
        var project = planned.Site.Projects.MaxBy(p => planned.Site.StoriesByProject[p.Id].Count)!;
        var views = planned.Views("lv");

        var (page, embed, next) = (views.ItemsAbout(project), views.ItemsAbout(project), views.ItemsAbout(project));

        Assert.True(page.Count > 1, $"project {project.Id} has {page.Count} stories");
        Assert.Same(page, embed);
        Assert.NotSame(page, next);
        Assert.Equal(page.Select(i => i.Href), next.Select(i => i.Href));
    }

    [Fact]
    public void A_list_that_reads_the_page_shows_the_project_page_and_the_embeddable_list_their_own()
    {
        using var templates = new TestTemplates();
        templates.Edit("partials/items.html", text => "<p class=\"on-page\">{{ page.kind }}</p>\n" + text);
        using var site = new TestSite();

        var result = site.Build(templates: templates.Root);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var lists = result.Files.Where(f => f.Language == "lv" && f.Kind is "project" or "embed" && f.Path.Contains("/projects/", StringComparison.Ordinal)).ToList();
        Assert.Contains(lists, f => f.Kind == "embed");
        foreach (var file in lists)
            Assert.Equal(file.Kind, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(site.Page(file.Path)).QuerySelector(".on-page")!.TextContent);
    }
}
