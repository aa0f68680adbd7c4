namespace Vestis.Tests;

/// <summary>
/// A build whose inputs, options and output folder are all as the last successful build left them has nothing to do:
/// it makes no page, writes no file and reports what that build reported. Any change to what a build reads, or to
/// the output folder, makes it build again.
/// </summary>
public sealed class UpToDateTests
{
    private const string FutureAnnouncement = "announcements/augsdaugavas-novads/2026-12-01-nakotne.lv.md";

    private static bool MadePages(BuildResult result) => result.Timings.Any(t => t.Stage == "pages");

    [Fact]
    public void A_rebuild_with_nothing_changed_makes_no_page_writes_no_file_and_reports_the_same()
    {
        using var site = new TestSite();
        site.Write("announcements/augsdaugavas-novads/2024-02-02-bez-kopsavilkuma.lv.md", "---\ntitle: Bez projekta\ndate: 2024-02-02\n---\nTeksts.\n");
        var first = site.Build();
        Assert.True(first.Succeeded);
        var home = Path.Join(site.Output, "lv/index.html");
        var writtenAt = File.GetLastWriteTimeUtc(home);
        var hashes = VestisProcess.Hashes(site.Output);

        var again = site.Build();

        Assert.True(again.Succeeded);
        Assert.False(MadePages(again));
        Assert.Equal(new Output.WriteSummary(0, first.Files.Count, 0), again.Written);
        Assert.Equal(first.Diagnostics, again.Diagnostics);
        Assert.Equal(first.Files, again.Files);
        Assert.Equal(hashes, VestisProcess.Hashes(site.Output));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(home));
    }

    [Fact]
    public void An_edited_announcement_is_built_again()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var path = Path.Join(site.Content, TestSite.ProjectAnnouncement);
        site.Write(TestSite.ProjectAnnouncement, File.ReadAllText(path).Replace("Tiek uzsākta projekta realizācija", "Projekts sākas"));

        var result = site.Build();

        Assert.True(MadePages(result));
        Assert.Contains("Projekts sākas", site.Page("lv/index.html"));
    }

    [Fact]
    public void A_site_whose_files_were_linked_or_kept_from_an_earlier_one_is_up_to_date_after_it()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var path = Path.Join(site.Content, TestSite.ProjectAnnouncement);
        var original = File.ReadAllText(path);
        // After the edit, unchanged files are linked to the previous site's; as it is undone, the draft is made from the
        // spare, and files that are the same in it are kept.
        site.Write(TestSite.ProjectAnnouncement, original.Replace("Tiek uzsākta projekta realizācija", "Projekts sākas"));
        Assert.True(site.Build().Written!.Unchanged > 0);
        site.Write(TestSite.ProjectAnnouncement, original);
        Assert.True(site.Build().Written!.Unchanged > 0);

        var again = site.Build();

        Assert.False(MadePages(again));
        Assert.Equal(0, again.Written!.Written);
    }

    /// <summary>Each kind of content file is part of the inputs' hash: those the load reads, and those it only lists (attachments, artwork).</summary>
    [Theory]
    [InlineData("site.yml")]
    [InlineData("measures.yml")]
    [InlineData("municipalities/ilukstes-novads.yml")]
    [InlineData("announcements/ilukstes-novads/2019-09-19-projekts/plans.pdf")]
    [InlineData(TestSite.NationalLogo)]
    public void An_edited_content_file_of_any_kind_is_built_again(string file)
    {
        using var site = new TestSite();
        var path = Path.Join(site.Content, file);
        if (!File.Exists(path)) site.Write(file, "%PDF-1.4 first");
        Assert.True(site.Build().Succeeded);
        Assert.False(MadePages(site.Build()));

        File.AppendAllText(path, file.EndsWith(".svg", StringComparison.Ordinal) ? "<!-- edited -->\n" : "# edited\n");
        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.True(MadePages(result));
    }

    [Fact]
    public void An_edited_template_is_built_again()
    {
        using var site = new TestSite();
        using var templates = new TestTemplates();
        Assert.True(site.Build(templates: templates.Root).Succeeded);
        templates.Edit("layouts/home.html", text => text + "<p>edited-template</p>\n");

        var result = site.Build(templates: templates.Root);

        Assert.True(MadePages(result));
        Assert.Contains("edited-template", site.Page("lv/index.html"));
    }

    [Fact]
    public void Another_day_or_drafts_build_again()
    {
        using var site = new TestSite();
        site.Write(FutureAnnouncement, "---\ntitle: Nākotnes ziņa\ndate: 2026-12-01\n---\nTeksts.\n");
        Assert.True(site.Build().Succeeded);
        Assert.DoesNotContain("Nākotnes ziņa", site.Page("lv/index.html"));

        Assert.True(MadePages(site.Build(today: "2026-12-02")));
        Assert.Contains("Nākotnes ziņa", site.Page("lv/index.html"));

        site.Write(FutureAnnouncement, "---\ntitle: Nākotnes ziņa\ndate: 2026-12-01\ndraft: true\n---\nTeksts.\n");
        Assert.True(MadePages(site.Build(today: "2026-12-02")));
        Assert.DoesNotContain("Nākotnes ziņa", site.Page("lv/index.html"));
        Assert.True(MadePages(site.Build(today: "2026-12-02", drafts: true)));
        Assert.Contains("Nākotnes ziņa", site.Page("lv/index.html"));
    }

    [Theory]
    [InlineData("removed")]
    [InlineData("changed")]
    [InlineData("added")]
    public void An_output_folder_changed_since_the_last_build_is_built_again_whole(string change)
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var hashes = VestisProcess.Hashes(site.Output);
        var home = Path.Join(site.Output, "lv/index.html");
        switch (change)
        {
            case "removed": File.Delete(home); break;
            case "changed": File.AppendAllText(home, "<!-- edited on the server -->"); break;
            default: File.WriteAllText(Path.Join(site.Output, "stray.html"), "stray"); break;
        }

        var result = site.Build();

        Assert.True(MadePages(result));
        Assert.Equal(hashes, VestisProcess.Hashes(site.Output));
    }

    [Fact]
    public void The_stamp_lies_beside_the_output_and_a_damaged_stamp_only_costs_a_full_build()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var stamp = Path.Join(site.Root, ".site-output.stamp");
        Assert.True(File.Exists(stamp));
        Assert.DoesNotContain(Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories), f => f.EndsWith(".stamp", StringComparison.Ordinal));

        File.WriteAllText(stamp, "{ not json");
        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.True(MadePages(result));
        Assert.False(MadePages(site.Build()));
    }
}
