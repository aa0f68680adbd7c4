using Vestis.Cli;

namespace Vestis.Tests;

[Collection("process-environment")]
public sealed class CliTests
{
    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = CommandLine.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Build_exits_0_and_reports_what_it_wrote()
    {
        using var site = new TestSite();
        var (code, output, _) = Run("build", "--content", site.Content, "--templates", Repository.Templates, "--output", site.Output, "--today", "2026-11-23");
        Assert.Equal(0, code);
        Assert.Contains("pages", output);
        Assert.True(File.Exists(Path.Join(site.Output, "lv/index.html")));
    }

    [Fact]
    public void Content_errors_exit_1_with_every_problem_in_canonical_form()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["announcements/ilukstes-novads/2019-09-20-a.lv.md"] = "---\ndate: 2019-09-20\n---\nx\n",
            ["announcements/ilukstes-novads/2019-09-21-b.de.md"] = "---\ntitle: b\ndate: 2019-09-21\n---\nx\n",
        });
        var (code, _, errors) = Run("check", "--content", site.Content, "--templates", Repository.Templates);
        Assert.Equal(1, code);
        Assert.Contains("2019-09-20-a.lv.md(1,1): error VES006: required field `title` is missing", errors);
        Assert.Contains("2019-09-21-b.de.md(1,1): error VES042:", errors);
        Assert.DoesNotContain("   at ", errors);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("build", "--nonsense")]
    [InlineData("build", "--today", "23.11.2026")]
    [InlineData("build", "--output")]
    public void Wrong_usage_exits_2(params string[] args) => Assert.Equal(2, Run(args).Code);

    [Fact]
    public void Drafts_are_built_only_with_the_drafts_option()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["announcements/ilukstes-novads/2019-09-20-melnraksts.lv.md"] = "---\ntitle: Melnraksts\ndate: 2019-09-20\ndraft: true\n---\nx\n",
        });
        Assert.Equal(0, Run("build", "--content", site.Content, "--templates", Repository.Templates, "--output", site.Output).Code);
        Assert.False(Directory.Exists(Path.Join(site.Output, "lv/ilukstes-novads/2019/melnraksts")));
        Assert.Equal(0, Run("build", "--content", site.Content, "--templates", Repository.Templates, "--output", site.Output, "--drafts").Code);
        Assert.True(Directory.Exists(Path.Join(site.Output, "lv/ilukstes-novads/2019/melnraksts")));
    }

    [Fact]
    public void Announcements_dated_after_the_build_date_are_hidden_and_source_date_epoch_fixes_that_date()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["announcements/ilukstes-novads/2030-01-02-nakotne.lv.md"] = "---\ntitle: Nākotne\ndate: 2030-01-02\n---\nx\n",
        });
        Assert.Equal(0, Run("build", "--content", site.Content, "--templates", Repository.Templates, "--output", site.Output, "--today", "2030-01-01").Code);
        Assert.False(Directory.Exists(Path.Join(site.Output, "lv/ilukstes-novads/2030/nakotne")));

        var saved = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1893542400"); // 2030-01-02T00:00:00Z
            Assert.Equal(0, Run("build", "--content", site.Content, "--templates", Repository.Templates, "--output", site.Output).Code);
            Assert.True(Directory.Exists(Path.Join(site.Output, "lv/ilukstes-novads/2030/nakotne")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", saved);
        }
    }

    [Fact]
    public void A_municipality_cannot_take_the_id_of_a_site_section()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["municipalities/projects.yml"] = "name: Projekti\n" });
        var (code, _, errors) = Run("check", "--content", site.Content, "--templates", Repository.Templates);
        Assert.Equal(1, code);
        Assert.Contains("projects.yml(1,1): error VES030: `projects` cannot be a municipality id", errors);
    }

    [Fact]
    public void Project_status_follows_the_build_date()
    {
        using var site = new TestSite();
        Assert.True(site.Build(today: "2019-10-01").Succeeded);
        Assert.Contains("tiek īstenots", site.Page("lv/projects/9.3.1.1-18-i-003/index.html"));
        Assert.True(site.Build(today: "2020-06-01").Succeeded);
        Assert.Contains("pabeigts", site.Page("lv/projects/9.3.1.1-18-i-003/index.html"));
    }
}
