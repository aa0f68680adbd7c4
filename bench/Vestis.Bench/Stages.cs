using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Vestis.Audit;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Markdown;
using Vestis.Output;
using Vestis.Templating;

namespace Vestis.Bench;

/// <summary>
/// The hot steps of a build, one announcement or page at a time, on the bundled site's Ilūkste project
/// announcement (the richest page: EU label, facts card, translations): reading its front matter,
/// rendering its Markdown, making its page, auditing the page, and writing a site of such pages.
/// </summary>
[MemoryDiagnoser]
public class Stages
{
    private const string Announcement = "announcements/ilukstes-novads/2019-09-19-deinstitucionalizacijas-projekta-uzsaksana.lv.md";

    private readonly string root = Directory.GetParent(typeof(Stages).Assembly.Location)!.FullName;
    private string frontMatter = "";
    private string body = "";
    private PlannedSite site = null!;
    private PlannedFile page = null!;
    private RenderedPage rendered = null!;
    private PageAuditor auditor = null!;
    private string output = "";

    /// <summary>
    /// Runs the benchmarks in this process. The project BenchmarkDotNet would otherwise generate cannot compile against
    /// this one, whose reference to BenchmarkDotNet is private (its CommandLine namespace would hide the generator's in the tests).
    /// </summary>
    /// <param name="args">BenchmarkDotNet's options, such as <c>--filter *Page*</c>.</param>
    /// <param name="unoptimized">Runs a Debug build too (the tests', which check that the benchmarks run, not their times).</param>
    /// <returns>Whether it measured every benchmark the options select, and they select one at least.</returns>
    public static bool Run(string[] args, bool unoptimized = false)
    {
        var config = unoptimized ? DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator) : DefaultConfig.Instance;
        var summary = BenchmarkRunner.Run<Stages>(config, [.. args, "--inProcess"]);
        return summary.Reports.Length > 0 && summary.Reports.All(r => r.Success && r.AllMeasurements.Count > 0);
    }

    [GlobalSetup]
    public void Setup()
    {
        var repository = FindRepository();
        var text = File.ReadAllText(Path.Join(repository, "content", Announcement));
        var parts = text.Split("---\n");
        frontMatter = parts[1];
        body = string.Join("---\n", parts[2..]);
        var options = new BuildOptions(Path.Join(repository, "content"), Path.Join(repository, "templates"), null, false, new DateOnly(2026, 11, 23), 1);
        site = SiteBuilder.Plan(options, new DiagnosticBag(), new StageClock(BuildProgress.None))
            ?? throw new InvalidOperationException("the bundled site does not plan");
        page = site.Files.First(f => f.Kind == "announcement" && f.AboutProject is not null && f.Language == "lv");
        rendered = site.Page(page, site.Make(page, new DiagnosticBag()))!;
        auditor = new PageAuditor(site.Templates, new DiagnosticBag(), site.Site.Settings.BaseUrl);
        output = Path.Join(Path.GetTempPath(), $"vestis-bench-write-{Environment.ProcessId}");
    }

    [Benchmark]
    public YamlDoc? FrontMatter() => YamlParser.Parse(Announcement, frontMatter, 1, new DiagnosticBag());

    [Benchmark]
    public RenderedMarkdown Markdown() => new MarkdownRenderer().Render(body, Announcement, 20, _ => null, new DiagnosticBag());

    [Benchmark]
    public OutputFile Page() => site.Make(page, new DiagnosticBag());

    /// <summary>The page audited by one auditor, as a build audits its pages: the official emblem it compares is parsed once, not per page.</summary>
    [Benchmark]
    public void Audit() => auditor.Check(rendered);

    /// <summary>A hundred such pages written into a fresh folder and swapped in, as the Write stage does with a site.</summary>
    [Benchmark]
    public WriteSummary? Write()
    {
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var files = Enumerable.Range(0, 100).Select(i => rendered.File with { Path = $"{i}/index.html" }).ToList();
        return new OutputWriter(output, [], new DiagnosticBag()).Write(files);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
    }

    private string FindRepository()
    {
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "Vestis.sln"))) return dir.FullName;
        // BenchmarkDotNet runs the benchmarks from a generated project under bin/; the working directory is the repository's.
        return Directory.GetCurrentDirectory();
    }
}
