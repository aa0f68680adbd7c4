namespace Vestis.Tests;

public sealed class OutputTests
{
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);

    [Fact]
    public void A_failed_build_leaves_the_previous_output_untouched()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var before = Snapshot(site.Output);

        site.Write(TestSite.ProjectAnnouncement, File.ReadAllText(Path.Join(site.Content, TestSite.ProjectAnnouncement)).Replace("end: 2020-05-31", "end: 2019-01-01"));
        var failed = site.Build();

        Assert.False(failed.Succeeded);
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".site-output.*"));
    }

    [Fact]
    public void Stale_files_of_an_earlier_build_do_not_survive()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        File.WriteAllText(Path.Join(site.Output, "stale.html"), "old");
        File.Delete(Path.Join(site.Content, "announcements/ilukstes-novads/2019-09-19-projekts.en.md"));

        Assert.True(site.Build().Succeeded);

        Assert.False(File.Exists(Path.Join(site.Output, "stale.html")));
        Assert.False(Directory.Exists(Path.Join(site.Output, "en/ilukstes-novads/2019/project-begins")));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var first = Snapshot(site.Output);
        Assert.True(SiteBuilder.Build(new BuildOptions(site.Content, Repository.Templates, site.Output, false, new DateOnly(2026, 11, 23), 1)).Succeeded);
        Assert.Equal(first, Snapshot(site.Output));
    }

    [Fact]
    public void Leftovers_of_an_interrupted_build_are_cleaned_and_a_stranded_site_is_restored()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        Directory.CreateDirectory(Path.Join(site.Root, ".site-output.tmp-99999"));
        Directory.Move(site.Output, Path.Join(site.Root, ".site-output.old-99998"));

        site.Write(TestSite.ProjectAnnouncement, "---\ntitle: broken\n");
        Assert.False(site.Build().Succeeded);
        Assert.True(File.Exists(Path.Join(site.Output, "lv/index.html")) || !Directory.Exists(site.Output));
    }

    [Fact]
    public void Check_writes_nothing()
    {
        using var site = new TestSite();
        var result = site.Build(write: false);
        Assert.True(result.Succeeded);
        Assert.False(Directory.Exists(site.Output));
    }
}
