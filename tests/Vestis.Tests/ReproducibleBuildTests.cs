namespace Vestis.Tests;

/// <summary>
/// The same content and <c>SOURCE_DATE_EPOCH</c> give the same bytes whatever the machine: its time zone, its
/// language and culture, and how many threads the build uses. The real command builds the bundled site three
/// ways; every file is compared by its hash, and the warnings word for word.
/// </summary>
public sealed class ReproducibleBuildTests
{
    // 2026-11-23 12:00 UTC: already the 24th in Kiritimati (UTC+14), still the 23rd in St. John's.
    private const string Epoch = "1795435200";

    [Fact]
    public void The_same_content_gives_the_same_bytes_in_any_time_zone_culture_and_parallelism()
    {
        var root = Directory.CreateTempSubdirectory("vestis-reproducible-").FullName;
        try
        {
            var builds = new (string Threads, Dictionary<string, string> Environment)[]
            {
                ("1", new() { ["TZ"] = "UTC", ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8" }),
                ("2", new() { ["TZ"] = "Pacific/Kiritimati", ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" }),
                ("3", new() { ["TZ"] = "America/St_Johns", ["LANG"] = "th_TH.UTF-8", ["LC_ALL"] = "th_TH.UTF-8" }),
            };
            var sites = builds.Select((build, i) =>
            {
                var output = Path.Join(root, $"site-{i}");
                build.Environment["SOURCE_DATE_EPOCH"] = Epoch;
                build.Environment["DOTNET_SYSTEM_GLOBALIZATION_PREDEFINED_CULTURES_ONLY"] = "false";
                var (code, _, errors) = VestisProcess.Run(
                    ["build", "--content", Repository.Content, "--templates", Repository.Templates, "--output", output, "--threads", build.Threads],
                    build.Environment);
                Assert.True(code == 0, errors);
                return (Files: VestisProcess.Hashes(output), Diagnostics: errors);
            }).ToList();

            Assert.All(sites.Skip(1), site => Assert.Equal(sites[0].Files, site.Files));
            Assert.All(sites.Skip(1), site => Assert.Equal(sites[0].Diagnostics, site.Diagnostics));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
