namespace Vestis.Tests;

/// <summary>
/// A build killed at any moment (SIGKILL: no handler runs) leaves the previous site byte for byte, and the next
/// build removes what the killed one left behind, or keeps it as its spare. The real command runs over a generated corpus, large enough
/// that its write stage takes a while, and is killed before, during and after writing.
/// </summary>
public sealed class InterruptedBuildTests
{
    [Fact]
    public void A_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_build_cleans_up()
    {
        var root = Directory.CreateTempSubdirectory("vestis-killed-").FullName;
        try
        {
            var content = Path.Join(root, "content");
            var output = Path.Join(root, "site-output");
            Repository.MakeCorpus("--out", content, "--announcements", "50", "--seed", "9");
            var siteFile = Path.Join(content, "site.yml");
            var titleA = File.ReadAllText(siteFile);
            // Another site title changes every page, so a build of the other version rewrites every file.
            var titleB = titleA.Replace("Municipal project announcements", "Municipal project news");
            Assert.NotEqual(titleA, titleB);
            string[] args = ["build", "--content", content, "--templates", Repository.Templates, "--output", output, "--today", "2026-11-23"];
            Assert.Equal(0, VestisProcess.Run(args).Code);
            var siteA = VestisProcess.Hashes(output);
            File.WriteAllText(siteFile, titleB);
            Assert.Equal(0, VestisProcess.Run(args).Code);
            var siteB = VestisProcess.Hashes(output);

            var killed = 0;
            var leftBehind = 0;
            var version = 0;
            foreach (var (afterStage, delay) in Moments)
            {
                File.WriteAllText(siteFile, version++ % 2 == 0 ? titleA : titleB);
                using var build = VestisProcess.Start(args);
                string? line;
                while ((line = build.StandardOutput.ReadLine()) is not null && !line.StartsWith($"  {afterStage} ", StringComparison.Ordinal)) { }
                Thread.Sleep(delay);
                if (!build.HasExited)
                {
                    build.Kill(); // SIGKILL on Unix
                    killed++;
                }
                build.WaitForExit();

                var now = VestisProcess.Hashes(output);
                Assert.True(Same(now, siteA) || Same(now, siteB), $"after a kill {delay} ms past `{afterStage}` the output is neither the old site nor the new one");
                leftBehind += Leftovers(root).Any() ? 1 : 0;
            }
            Assert.True(killed >= Moments.Length / 2, $"only {killed} builds were still running when killed");
            Assert.True(leftBehind > 0, "no kill left a temporary folder behind, so cleaning up was not tested");

            File.WriteAllText(siteFile, titleA);
            var replaced = VestisProcess.Hashes(output);
            Assert.Equal(0, VestisProcess.Run(args).Code);
            Assert.True(Same(VestisProcess.Hashes(output), siteA));
            Assert.Empty(Leftovers(root));
            // The spare, whatever the kills left in it, is the site the last build replaced.
            Assert.True(Same(VestisProcess.Hashes(Path.Join(root, ".site-output.spare")), replaced));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Where to kill: the stage line after which the build is killed, and how long after it.</summary>
    private static readonly (string Stage, int Delay)[] Moments =
        [("markdown", 0), ("plan", 0), ("plan", 100), ("plan", 250), ("pages", 0), ("pages", 30)];

    /// <summary>What a build leaves beside the output folder only when it is killed: its draft, or the previous site between two renames.</summary>
    private static IEnumerable<string> Leftovers(string root) =>
        Directory.EnumerateDirectories(root, ".site-output.*").Where(d => !d.EndsWith(".spare", StringComparison.Ordinal));

    private static bool Same(SortedDictionary<string, string> a, SortedDictionary<string, string> b) => a.SequenceEqual(b);
}
