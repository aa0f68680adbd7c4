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
    public void Build_prints_each_stage_the_files_per_kind_and_language_and_what_changed_on_disk()
    {
        using var site = new TestSite();
        string[] args = ["build", "--content", site.Content, "--templates", Repository.Templates, "--output", site.Output, "--today", "2026-11-23"];
        var (_, first, _) = Run(args);
        var lines = first.Split('\n');
        foreach (var stage in new[] { "load", "validate", "model", "markdown", "pages", "write" })
            Assert.Contains(lines, l => l.StartsWith($"  {stage} ", StringComparison.Ordinal) && l.EndsWith(" ms", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  pages ", StringComparison.Ordinal) && l.Contains(" files "));
        Assert.Contains("\n  announcement |     1 |     1 |\n", first);
        Assert.Contains(lines, l => l.TrimEnd() == "  sitemap      |       |       |     1");
        Assert.DoesNotContain('\r', first);
        var written = lines.Single(l => l.StartsWith("built ", StringComparison.Ordinal));
        Assert.Matches(@"^built (\d+) files \(\d+ pages\) into .*: \1 written, 0 unchanged, 0 removed; 0 warning\(s\); \d+ ms$", written);

        // Nothing changed: nothing differs, and an unchanged file is not written again (it keeps its time, which rsync and caches see).
        var home = Path.Join(site.Output, "lv/index.html");
        var writtenAt = File.GetLastWriteTimeUtc(home);
        Thread.Sleep(20);
        Assert.Matches(@": 0 written, (\d+) unchanged, 0 removed;", Run(args).Output);
        if (!OperatingSystem.IsWindows()) Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(home));
        // One announcement fewer: its page and its folder's entries go.
        File.Delete(Path.Join(site.Content, "announcements/ilukstes-novads/2019-09-19-projekts.en.md"));
        Assert.Matches(@": [1-9]\d* written, [1-9]\d* unchanged, [1-9]\d* removed;", Run(args).Output);
    }

    [Fact]
    public void On_a_terminal_a_long_stage_draws_a_progress_bar_in_place_and_ends_with_its_plain_line()
    {
        var screen = new StringWriter();
        var progress = new ProgressDisplay(screen, terminal: true);
        progress.Start("render");
        progress.Count(4, "files");
        progress.Advance();
        Thread.Sleep(400);
        progress.Advance();
        progress.Finish("render", 420);
        Assert.StartsWith("\r  render     [###############...............] 2/4\r", screen.ToString());
        Assert.EndsWith("\r  render           4 files     420 ms" + Environment.NewLine, screen.ToString());

        var redirected = new StringWriter();
        var plain = new ProgressDisplay(redirected, terminal: false);
        plain.Start("render");
        plain.Count(4, "files");
        Thread.Sleep(400);
        plain.Advance();
        plain.Finish("render", 420);
        Assert.Equal("  render           4 files     420 ms" + Environment.NewLine, redirected.ToString());
    }

    [Fact]
    public void Check_in_json_gives_every_diagnostic_with_its_place_and_the_counts()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["announcements/ilukstes-novads/2019-09-20-a.lv.md"] = "---\ndate: 2019-09-20\nkind: rumour\n---\nx\n",
        });
        var (code, output, errors) = Run("check", "--format", "json", "--content", site.Content, "--templates", Repository.Templates, "--today", "2026-11-23");
        Assert.Equal(1, code);
        Assert.Equal("", errors);
        using var report = System.Text.Json.JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.False(root.GetProperty("succeeded").GetBoolean());
        Assert.Equal(2, root.GetProperty("errors").GetInt32());
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(2, diagnostics.Count);
        var kind = diagnostics.Single(d => d.GetProperty("line").GetInt32() == 3);
        Assert.EndsWith("announcements/ilukstes-novads/2019-09-20-a.lv.md", kind.GetProperty("path").GetString());
        Assert.Equal(7, kind.GetProperty("column").GetInt32());
        Assert.Equal("error", kind.GetProperty("severity").GetString());
        Assert.Matches("^VES\\d{3}$", kind.GetProperty("code").GetString());
        Assert.Contains("rumour", kind.GetProperty("message").GetString());

        using var valid = new TestSite();
        var passed = Run("check", "--format", "json", "--content", valid.Content, "--templates", Repository.Templates, "--today", "2026-11-23");
        Assert.Equal(0, passed.Code);
        using var ok = System.Text.Json.JsonDocument.Parse(passed.Output);
        Assert.True(ok.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.True(ok.RootElement.GetProperty("pages").GetInt32() > 10);
        Assert.Equal(0, ok.RootElement.GetProperty("diagnostics").GetArrayLength());
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
    [InlineData("check", "--format", "xml")]
    [InlineData("build", "--format", "json")]
    [InlineData("serve", "--port", "70000")]
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
