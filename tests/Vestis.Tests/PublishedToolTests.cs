using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;

namespace Vestis.Tests;

/// <summary>
/// The tool as <c>dotnet publish</c> makes it for a large site (README, "Publishing the tool"): compiled to native
/// code (Native AOT), or with <c>-p:PublishAot=false</c> to ReadyToRun code that starts without quick JIT. Either
/// builds the bundled site to the same bytes as the tests' own build.
/// </summary>
public sealed class PublishedToolTests
{
    /// <summary>Ours and the libraries that do most of a build's work.</summary>
    private static readonly string[] Precompiled = ["vestis.dll", "Scriban.Signed.dll", "Markdig.dll", "YamlDotNet.dll", "AngleSharp.dll"];

    /// <summary>
    /// Scriban's built-in functions, which templates reach by reflection: the native compiler keeps only what it sees
    /// used, and a template may call any of them.
    /// </summary>
    private const string BuiltIns =
        """<p id="built-ins">{{ "abc" | string.upcase }}|{{ [3,1,2] | array.sort | array.join "," }}|{{ 2.567 | math.round 1 }}|{{ "a<b" | html.escape }}|{{ "x1y2" | regex.replace "[0-9]" "" }}|{{ date.parse "2020-01-02" | date.add_days 1 | date.to_string "%d.%m.%Y" }}|{{ "hello world" | string.truncate 5 }}|{{ [1,2,3] | array.reverse | array.first }}|{{ "a,b" | string.split "," | array.size }}|{{ 5 | math.format "000" }}|{{ object.typeof 1 }}|{{ "a b" | string.handleize }}|{{ "1.02:03:04" | timespan.parse | object.format "c" }}</p>""";

    private const string BuiltInsRendered = """<p id="built-ins">ABC|1,2,3|2.6|a&amp;lt;b|xy|03.01.2020|he...|3|2|005|number|a-b|1.02:03:04</p>""";

    [Fact]
    public void The_published_tool_is_native_code_and_builds_the_same_site_as_the_plain_build()
    {
        using var published = new Published([]);
        var tool = Path.Join(published.Folder, "vestis");
        Assert.False(File.Exists(Path.Join(published.Folder, "vestis.dll")), "the tool was published as IL, not native code");
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(tool)[..4]);

        using var templates = new TestTemplates();
        templates.Edit("layouts/404.html", layout => layout + BuiltIns);
        var plainSite = Site("dotnet", [VestisProcess.Tool], templates.Root, Path.Join(published.Root, "site"));
        var publishedSite = Site(tool, [], templates.Root, Path.Join(published.Root, "published-site"));
        Assert.Contains(BuiltInsRendered, File.ReadAllText(Path.Join(published.Root, "published-site", "404.html")));
        Assert.Equal(plainSite.Files, publishedSite.Files);
        Assert.Equal(plainSite.Warnings, publishedSite.Warnings);
    }

    [Fact]
    public void Published_without_native_aot_the_tool_is_precompiled_and_builds_the_same_site_as_the_plain_build()
    {
        using var published = new Published(["-p:PublishAot=false"]);
        foreach (var assembly in Precompiled)
        {
            using var image = new PEReader(File.OpenRead(Path.Join(published.Folder, assembly)));
            Assert.True(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} holds no ReadyToRun code");
        }
        var config = Path.Join(published.Folder, "vestis.runtimeconfig.json");
        var plain = Path.ChangeExtension(VestisProcess.Tool, ".runtimeconfig.json");
        Assert.Equal(false, (bool?)Setting(config, "System.Runtime.TieredCompilation.QuickJit"));
        Assert.Equal(1000, (int?)Setting(config, "System.Runtime.TieredCompilation.CallCountThreshold"));
        // A plain build keeps quick JIT, and leaves its quickly compiled code after the usual 30 calls: without
        // precompiled code, a small site would wait for the JIT.
        Assert.Null(Setting(plain, "System.Runtime.TieredCompilation.QuickJit"));
        Assert.Null(Setting(plain, "System.Runtime.TieredCompilation.CallCountThreshold"));
        // Both keep the collector's setting that holds a 50,000-announcement build under 2 GB.
        Assert.All(new[] { config, plain }, c => Assert.Equal(5, (int?)Setting(c, "System.GC.ConserveMemory")));

        var plainSite = Site("dotnet", [VestisProcess.Tool], Repository.Templates, Path.Join(published.Root, "site"));
        var publishedSite = Site("dotnet", [Path.Join(published.Folder, "vestis.dll")], Repository.Templates, Path.Join(published.Root, "published-site"));
        Assert.Equal(plainSite.Files, publishedSite.Files);
        Assert.Equal(plainSite.Warnings, publishedSite.Warnings);
    }

    /// <summary>The generator published into a temporary folder, with the given options.</summary>
    private sealed class Published : IDisposable
    {
        public Published(IEnumerable<string> options)
        {
            Root = Directory.CreateTempSubdirectory("vestis-published-").FullName;
            // Its own artifacts folder, so that publishing leaves the checkout's bin and obj folders as they were.
            var (code, log, errors) = VestisProcess.RunProgram("dotnet",
                ["publish", Path.Join(Repository.Root, "generator"), "-c", "Release", "-o", Folder, "--artifacts-path", Path.Join(Root, "artifacts"), .. options]);
            Assert.True(code == 0, log + errors);
        }

        public string Root { get; }

        public string Folder => Path.Join(Root, "tool");

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    private static JsonNode? Setting(string runtimeConfig, string name) =>
        JsonNode.Parse(File.ReadAllText(runtimeConfig))!["runtimeOptions"]!["configProperties"]![name];

    /// <summary>The bundled content as <paramref name="program"/> builds it with <paramref name="templates"/>: every file's hash, and the warnings.</summary>
    private static (SortedDictionary<string, string> Files, string Warnings) Site(string program, string[] tool, string templates, string output)
    {
        var (code, _, errors) = VestisProcess.RunProgram(program,
            [.. tool, "build", "--content", Repository.Content, "--templates", templates, "--output", output, "--today", "2026-11-23"]);
        Assert.True(code == 0, errors);
        return (VestisProcess.Hashes(output), errors);
    }
}
