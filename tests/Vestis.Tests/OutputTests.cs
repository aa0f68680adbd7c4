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
    public void The_site_a_build_replaces_is_kept_as_the_spare_and_the_next_build_is_made_from_it()
    {
        using var site = new TestSite();
        var spare = Path.Join(site.Root, ".site-output.spare");
        const string story = "announcements/ilukstes-novads/2019-09-19-projekts.en.md";
        const string page = "en/ilukstes-novads/2019/project-begins/index.html";
        var original = File.ReadAllText(Path.Join(site.Content, story));
        Assert.True(site.Build().Succeeded);
        Assert.False(Directory.Exists(spare));
        var siteA = Snapshot(site.Output);
        var untouched = File.GetLastWriteTimeUtc(Path.Join(site.Output, "en/404.html"));

        site.Write(story, original.Replace("starts building", "begins to build"));
        Assert.True(site.Build().Succeeded);
        var siteB = Snapshot(site.Output);
        Assert.Equal(siteA, Snapshot(spare));
        var editedAt = File.GetLastWriteTimeUtc(Path.Join(site.Output, page));
        // What the spare may hold that the next site has no place for: a stray file, a folder the site no longer
        // has, a file where the site needs a folder, and a folder where it needs a file.
        File.WriteAllText(Path.Join(spare, "stale.html"), "old");
        Directory.CreateDirectory(Path.Join(spare, "gone/deeper"));
        File.WriteAllText(Path.Join(spare, "gone/deeper/index.html"), "old");
        Directory.Delete(Path.Join(spare, "lv"), recursive: true);
        File.WriteAllText(Path.Join(spare, "lv"), "a file where the site has a folder");
        File.Delete(Path.Join(spare, "robots.txt"));
        Directory.CreateDirectory(Path.Join(spare, "robots.txt"));
        // And a copy of an unchanged page with the same bytes but another time: it is not the site's file.
        var copy = Path.Join(spare, "en/404.html");
        var bytes = File.ReadAllBytes(copy);
        File.Delete(copy);
        File.WriteAllBytes(copy, bytes);
        File.SetLastWriteTimeUtc(copy, untouched.AddDays(-1));
        var spareFolder = Inode(Path.Join(spare, "en"));

        site.Write(story, original);
        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.Equal(siteA, Snapshot(site.Output));
        Assert.Equal(siteB, Snapshot(spare));
        // The page edited back holds the bytes the spare already had, but it changed since the site before: it is written again.
        Assert.True(File.GetLastWriteTimeUtc(Path.Join(site.Output, page)) > editedAt);
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(Path.Join(site.Output, "en/404.html")));
        var edited = siteA.Count(f => siteB[f.Key] != f.Value);
        Assert.InRange(edited, 1, siteA.Count - 1);
        Assert.Equal(new Output.WriteSummary(edited, siteA.Count - edited, 0), result.Written);
        if (OperatingSystem.IsLinux()) Assert.Equal(spareFolder, Inode(Path.Join(site.Output, "en")));
    }

    [Fact]
    public void Links_in_the_spare_are_removed_and_what_they_lead_to_is_left_alone()
    {
        using var site = new TestSite();
        var spare = Path.Join(site.Root, ".site-output.spare");
        Assert.True(site.Build().Succeeded);
        var siteA = Snapshot(site.Output);
        // Without its stamp, the next build is a full one, which replaces the site and keeps it as the spare.
        File.Delete(Path.Join(site.Root, ".site-output.stamp"));
        Assert.True(site.Build().Succeeded);
        Assert.True(Directory.Exists(spare));
        // Elsewhere: a folder with a file of its own, and a file.
        var elsewhere = Directory.CreateDirectory(Path.Join(site.Root, "elsewhere")).FullName;
        File.WriteAllText(Path.Join(elsewhere, "index.html"), "not the site's");
        var lone = Path.Join(site.Root, "lone.html");
        File.WriteAllText(lone, "not the site's either");
        // Links where the site has a folder, where it has a file, and where it has nothing.
        Directory.Delete(Path.Join(spare, "en"), recursive: true);
        Directory.CreateSymbolicLink(Path.Join(spare, "en"), elsewhere);
        File.Delete(Path.Join(spare, "robots.txt"));
        File.CreateSymbolicLink(Path.Join(spare, "robots.txt"), lone);
        Directory.CreateSymbolicLink(Path.Join(spare, "stray"), elsewhere);
        // And one to the site's own file, which has the same bytes and the same time.
        File.Delete(Path.Join(spare, "lv/404.html"));
        File.CreateSymbolicLink(Path.Join(spare, "lv/404.html"), Path.Join(site.Output, "lv/404.html"));
        File.Delete(Path.Join(site.Root, ".site-output.stamp"));
        var spareFolder = Inode(Path.Join(spare, "lv"));

        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error)));

        Assert.Equal(siteA, Snapshot(site.Output));
        Assert.Equal("not the site's", File.ReadAllText(Path.Join(elsewhere, "index.html")));
        Assert.Equal(["index.html"], Directory.GetFileSystemEntries(elsewhere).Select(Path.GetFileName));
        Assert.Equal("not the site's either", File.ReadAllText(lone));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(site.Output, "*", SearchOption.AllDirectories), e => new FileInfo(e).LinkTarget is not null);
        // The draft was still made from the spare, not from nothing.
        if (OperatingSystem.IsLinux()) Assert.Equal(spareFolder, Inode(Path.Join(site.Output, "lv")));
    }

    /// <summary>A file's or folder's inode number, which stays with it when it is renamed.</summary>
    private static string Inode(string path)
    {
        var (code, output, errors) = VestisProcess.RunProgram("stat", ["-c", "%i", path]);
        Assert.True(code == 0, errors);
        return output.Trim();
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

    [Fact]
    public void A_large_attachment_is_compared_piece_by_piece_and_a_change_deep_inside_it_is_written()
    {
        using var site = new TestSite();
        var attachment = Path.Join(site.Content, "announcements/ilukstes-novads/2019-09-19-projekts/plans.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(attachment)!);
        var bytes = new byte[300_000];
        File.WriteAllBytes(attachment, bytes);
        Assert.True(site.Build().Succeeded);
        Assert.Equal(0, site.Build().Written!.Written);

        bytes[250_000] = 1; // the same length, one byte changed in the fourth piece
        File.WriteAllBytes(attachment, bytes);
        var result = site.Build();

        Assert.Equal(1, result.Written!.Written);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Join(site.Output, "files/ilukstes-novads/2019-09-19-projekts/plans.pdf")));
    }

    [Fact]
    public void A_large_made_file_is_compared_piece_by_piece_and_a_change_deep_inside_it_is_written()
    {
        var root = Directory.CreateTempSubdirectory("vestis-write-").FullName;
        try
        {
            var output = Path.Join(root, "site");
            var bytes = new byte[300_000];
            Output.WriteSummary? Write() => new Output.OutputWriter(output, [], new Diagnostics.DiagnosticBag()).Write([new("big.json", bytes.ToArray())]);
            Assert.Equal(new Output.WriteSummary(1, 0, 0), Write());
            Assert.Equal(new Output.WriteSummary(0, 1, 0), Write());

            bytes[250_000] = 1; // the same length, one byte changed in the fourth piece
            Assert.Equal(new Output.WriteSummary(1, 0, 0), Write());
            Assert.Equal(bytes, File.ReadAllBytes(Path.Join(output, "big.json")));
            // From the spare now: its copy is the site before, which differs in that byte.
            bytes[250_000] = 0;
            Assert.Equal(new Output.WriteSummary(1, 0, 0), Write());
            Assert.Equal(bytes, File.ReadAllBytes(Path.Join(output, "big.json")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("content")]
    [InlineData(".")]
    [InlineData("content/announcements")]
    [InlineData("/")]
    public void An_output_folder_that_would_replace_the_content_is_refused_and_the_content_stays(string output)
    {
        using var site = new TestSite();
        var before = VestisProcess.Hashes(site.Content);
        var target = output == "/" ? "/" : Path.Join(site.Root, output);

        var result = Build(site, target);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        Assert.Equal(Diagnostics.DiagnosticCodes.OutputError, error.Code);
        Assert.Equal(before, VestisProcess.Hashes(site.Content));
    }

    [Fact]
    public void A_full_disk_is_a_clear_error_and_the_previous_site_stays()
    {
        using var disk = SmallDisk.Mount();
        if (disk is null) return; // mounting needs root; CI runs the tests as root
        using var site = new TestSite();
        var output = Path.Join(disk.Path, "site-output");
        Assert.True(Build(site, output).Succeeded);
        var before = VestisProcess.Hashes(output);
        // An attachment larger than the whole disk: the new site cannot be written beside the old one.
        var attachment = Path.Join(site.Content, "announcements/ilukstes-novads/2019-09-19-projekts/plans.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(attachment)!);
        File.WriteAllBytes(attachment, new byte[2 * SmallDisk.Bytes]);

        var result = Build(site, output);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        Assert.Equal(Diagnostics.DiagnosticCodes.OutputError, error.Code);
        Assert.Contains("the previous output is left as it was", error.Message);
        Assert.Equal(before, VestisProcess.Hashes(output));
        Assert.Empty(Directory.EnumerateFileSystemEntries(disk.Path, ".site-output.*"));
    }

    [Fact]
    public void A_read_only_output_folder_is_a_clear_error_and_the_previous_site_stays()
    {
        using var disk = SmallDisk.Mount();
        if (disk is null) return;
        using var site = new TestSite();
        var output = Path.Join(disk.Path, "site-output");
        Assert.True(Build(site, output).Succeeded);
        var before = VestisProcess.Hashes(output);
        disk.MakeReadOnly();
        File.Delete(Path.Join(site.Content, "announcements/ilukstes-novads/2019-09-19-projekts.en.md"));

        var result = Build(site, output);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        Assert.Equal(Diagnostics.DiagnosticCodes.OutputError, error.Code);
        Assert.Contains("Read-only file system", error.Message);
        Assert.Equal(before, VestisProcess.Hashes(output));
    }

    private static BuildResult Build(TestSite site, string output) =>
        SiteBuilder.Build(new BuildOptions(site.Content, Repository.Templates, output, false, new DateOnly(2026, 11, 23), 2));

    /// <summary>A 1 MiB tmpfs of its own, to fill up or to make read-only; null where mounting is not allowed.</summary>
    private sealed class SmallDisk : IDisposable
    {
        public const int Bytes = 1024 * 1024;

        private SmallDisk(string path) => Path = path;

        public string Path { get; }

        public static SmallDisk? Mount()
        {
            if (!OperatingSystem.IsLinux() || Environment.UserName != "root") return null;
            var path = Directory.CreateTempSubdirectory("vestis-disk-").FullName;
            if (Run("mount", "-t", "tmpfs", "-o", $"size={Bytes}", "tmpfs", path)) return new SmallDisk(path);
            Directory.Delete(path);
            return null;
        }

        public void MakeReadOnly() => Assert.True(Run("mount", "-o", "remount,ro", Path));

        public void Dispose()
        {
            Run("umount", "-l", Path);
            Directory.Delete(Path, recursive: true);
        }

        private static bool Run(string command, params string[] args) => VestisProcess.RunProgram(command, args).Code == 0;
    }
}
