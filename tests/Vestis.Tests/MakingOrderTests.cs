using Vestis.Diagnostics;
using Vestis.Model;

namespace Vestis.Tests;

/// <summary>
/// The workers of a build each take a stretch of the files in the order they are given. The files made from the whole
/// site are the largest; given first, they are made while the pages are, and the build does not end on one of them.
/// </summary>
public sealed class MakingOrderTests
{
    [Fact]
    public void The_files_made_from_the_whole_site_are_made_first_and_the_rest_as_planned()
    {
        var options = new BuildOptions(Repository.Content, Repository.Templates, null, false, new DateOnly(2026, 11, 23), 1);
        var files = SiteBuilder.Plan(options, new DiagnosticBag(), new StageClock(BuildProgress.None))!.Files;
        string[] wholeSite =
        [
            .. new[] { "lv", "en" }.SelectMany(l => new[]
            {
                Urls.Feed(l, null, "xml"), Urls.Feed(l, null, "json"), Urls.ProjectData(l, null, "csv"), Urls.ProjectData(l, null, "json"),
                Urls.SearchIndex(l),
            }),
            "sitemap.xml",
        ];

        var order = SiteBuilder.MakingOrder(files).Select(f => f.Path).ToList();

        Assert.Equal(wholeSite.Order(StringComparer.Ordinal), order.Take(wholeSite.Length).Order(StringComparer.Ordinal));
        Assert.Equal(files.Select(f => f.Path).Where(p => !wholeSite.Contains(p)), order.Skip(wholeSite.Length));
        Assert.Contains(files, f => f.Path == Urls.Feed("lv", "rezeknes-valstspilseta", "xml"));
    }
}
