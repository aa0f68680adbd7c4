using Snapshooter;
using Snapshooter.Xunit;

namespace Vestis.Tests;

/// <summary>
/// Whole pages of the bundled site, reviewed by eye and kept in __snapshots__: a template or
/// formatting change shows up here as a diff to review, not as a silent change to citizens' pages.
/// </summary>
public sealed class SnapshotTests : IClassFixture<BundledSiteTests.BuiltSite>
{
    private readonly BundledSiteTests.BuiltSite site;

    public SnapshotTests(BundledSiteTests.BuiltSite site) => this.site = site;

    [Theory]
    [InlineData("lv/ilukstes-novads/2019/deinstitucionalizacijas-projekta-uzsaksana/index.html", "announcement_lv_with_project")]
    [InlineData("en/augsdaugavas-novads/2021/new-municipality-starts-work/index.html", "announcement_en_without_project")]
    [InlineData("en/projects/9.3.1.1-19-i-024/index.html", "project_en")]
    [InlineData("en/ilukstes-novads/index.html", "municipality_en_with_untranslated_item")]
    [InlineData("lv/index.html", "home_lv")]
    [InlineData("index.html", "language_chooser")]
    public void Page_matches_its_reviewed_snapshot(string path, string name) =>
        Snapshot.Match(site.Read(path), SnapshotNameExtension.Create(name));
}
