using Vestis.Diagnostics;

namespace Vestis.Tests;

/// <summary>
/// Nothing a content file says can make a build write outside the output folder: slugs, project ids, measure
/// codes, municipality ids and attachment names that try are errors where they are written, and no path leaves.
/// </summary>
public sealed class PathEscapeTests
{
    private const string Lv = TestSite.ProjectAnnouncement;

    [Theory]
    [InlineData(Lv, "kind: project-start", "kind: project-start\nslug: ../../../../escaped")]
    [InlineData(Lv, "kind: project-start", "kind: project-start\nslug: a/b")]
    [InlineData(Lv, "kind: project-start", "kind: project-start\nslug: \"..\"")]
    [InlineData(Lv, "id: \"9.3.1.1/18/I/003\"", "id: \"../../../escaped\"")]
    [InlineData(Lv, "id: \"9.3.1.1/18/I/003\"", "id: \"9.3.1.1/../../../escaped\"")]
    [InlineData(Lv, "measure: \"9.3.1.1\"", "measure: \"../../escaped\"")]
    [InlineData("measures.yml", "\"9.3.1.1\":", "\"../../escaped\":\n  lv: x\n\"9.3.1.1\":")]
    [InlineData("municipalities/ilukstes-novads.yml", "name:", "id: ../../escaped\nname:")]
    public void A_path_that_tries_to_leave_the_output_folder_is_an_error_and_nothing_is_written_outside(string file, string old, string replacement)
    {
        using var site = new TestSite();
        var path = Path.Join(site.Content, file);
        var text = File.ReadAllText(path);
        Assert.Contains(old, text);
        File.WriteAllText(path, text.Replace(old, replacement));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.Code != DiagnosticCodes.OutputError);
        AssertNothingOutside(site, result);
    }

    [Fact]
    public void Attachments_and_municipalities_named_oddly_stay_inside_the_output_folder()
    {
        using var site = new TestSite();
        var folder = Path.Join(site.Content, "announcements/ilukstes-novads/2019-09-19-projekts");
        foreach (var name in new[] { "..plans.pdf", "...", "a..b/..c.txt", "%2e%2e/x.txt", "..\\..\\x.txt" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Join(folder, name))!);
            File.WriteAllText(Path.Join(folder, name), "x");
        }
        Directory.CreateDirectory(Path.Join(site.Content, "municipalities/..yml"));

        AssertNothingOutside(site, site.Build());
    }

    private static void AssertNothingOutside(TestSite site, BuildResult result)
    {
        Assert.All(Directory.EnumerateFileSystemEntries(site.Root), e => Assert.Contains(Path.GetFileName(e), new[] { "content", "site-output", ".site-output.stamp" }));
        foreach (var above in new[] { site.Root, Path.GetDirectoryName(site.Root)!, "/" })
            Assert.False(Path.Exists(Path.Join(above, "escaped")), $"a build wrote {above}/escaped");
        var output = Path.GetFullPath(site.Output) + Path.DirectorySeparatorChar;
        Assert.All(result.Files, f => Assert.StartsWith(output, Path.GetFullPath(Path.Join(site.Output, f.Path))));
    }
}
