using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;

namespace Vestis.Tests;

/// <summary>
/// The tool as <c>dotnet publish</c> makes it for a large site (README, "Publishing the tool"): compiled ahead of
/// time, started without quick JIT, slow to compile its precompiled methods again, and building the bundled site
/// to the same bytes as the tests' own build.
/// </summary>
public sealed class PublishedToolTests
{
    /// <summary>Ours and the libraries that do most of a build's work.</summary>
    private static readonly string[] Precompiled = ["vestis.dll", "Scriban.Signed.dll", "Markdig.dll", "YamlDotNet.dll", "AngleSharp.dll"];

    [Fact]
    public void The_published_tool_is_precompiled_and_builds_the_same_site_as_the_plain_build()
    {
        var root = Directory.CreateTempSubdirectory("vestis-published-").FullName;
        try
        {
            var tool = Path.Join(root, "tool");
            // Its own artifacts folder, so that publishing leaves the checkout's bin and obj folders as they were.
            var (code, log, errors) = VestisProcess.RunProgram("dotnet",
                ["publish", Path.Join(Repository.Root, "generator"), "-c", "Release", "-o", tool, "--artifacts-path", Path.Join(root, "artifacts")]);
            Assert.True(code == 0, log + errors);

            foreach (var assembly in Precompiled)
            {
                using var image = new PEReader(File.OpenRead(Path.Join(tool, assembly)));
                Assert.True(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} holds no ReadyToRun code");
            }
            var published = Path.Join(tool, "vestis.runtimeconfig.json");
            var plain = Path.ChangeExtension(VestisProcess.Tool, ".runtimeconfig.json");
            Assert.Equal(false, (bool?)Setting(published, "System.Runtime.TieredCompilation.QuickJit"));
            Assert.Equal(1000, (int?)Setting(published, "System.Runtime.TieredCompilation.CallCountThreshold"));
            // A plain build keeps quick JIT, and leaves its quickly compiled code after the usual 30 calls: without
            // precompiled code, a small site would wait for the JIT.
            Assert.Null(Setting(plain, "System.Runtime.TieredCompilation.QuickJit"));
            Assert.Null(Setting(plain, "System.Runtime.TieredCompilation.CallCountThreshold"));
            // Both keep the collector's setting that holds a 50,000-announcement build under 2 GB.
            Assert.All(new[] { published, plain }, config => Assert.Equal(5, (int?)Setting(config, "System.GC.ConserveMemory")));

            var plainSite = Site(VestisProcess.Tool, Path.Join(root, "site"));
            var publishedSite = Site(Path.Join(tool, "vestis.dll"), Path.Join(root, "published-site"));
            Assert.Equal(plainSite.Files, publishedSite.Files);
            Assert.Equal(plainSite.Warnings, publishedSite.Warnings);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static JsonNode? Setting(string runtimeConfig, string name) =>
        JsonNode.Parse(File.ReadAllText(runtimeConfig))!["runtimeOptions"]!["configProperties"]![name];

    /// <summary>The bundled site as <paramref name="tool"/> builds it: every file's hash, and the warnings.</summary>
    private static (SortedDictionary<string, string> Files, string Warnings) Site(string tool, string output)
    {
        var (code, _, errors) = VestisProcess.Run(
            ["build", "--content", Repository.Content, "--templates", Repository.Templates, "--output", output, "--today", "2026-11-23"], tool: tool);
        Assert.True(code == 0, errors);
        return (VestisProcess.Hashes(output), errors);
    }
}
