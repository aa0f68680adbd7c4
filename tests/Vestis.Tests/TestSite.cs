using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Vestis.Diagnostics;

namespace Vestis.Tests;

/// <summary>
/// A small site written to a temporary folder: a valid base (site.yml, a measure, two municipalities,
/// one project announcement in lv and en) that a test changes file by file, then builds with the real templates.
/// </summary>
public sealed class TestSite : IDisposable
{
    public const string ProjectAnnouncement = "announcements/ilukstes-novads/2019-09-19-projekts.lv.md";
    public const string NationalLogo = "publicity/nap2020.svg";

    public static readonly IReadOnlyDictionary<string, string> BaseFiles = new Dictionary<string, string>
    {
        ["site.yml"] = """
            title: { lv: Paziņojumi, en: Announcements }
            baseUrl: https://projekti.example.lv/
            languages: [lv, en]
            country: LV
            pageSize: 2
            """,
        // A stand-in for the national logo (its 120×80 px must scale down to the emblem's height).
        [NationalLogo] = """
            <svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80"><rect width="120" height="80" fill="#9e3039"/></svg>
            """,
        ["measures.yml"] = """
            "9.3.1.1":
              lv: Pakalpojumu infrastruktūras attīstība
              en: Development of service infrastructure
            """,
        ["municipalities/ilukstes-novads.yml"] = """
            name: { lv: Ilūkstes novads, en: Ilūkste Municipality }
            successor: augsdaugavas-novads
            dissolved: 2021-07-01
            """,
        ["municipalities/augsdaugavas-novads.yml"] = """
            name: { lv: Augšdaugavas novads, en: Augšdaugava Municipality }
            """,
        [ProjectAnnouncement] = """
            ---
            title: Tiek uzsākta projekta realizācija
            date: 2019-09-19
            kind: project-start
            project:
              id: "9.3.1.1/18/I/003"
              name: Pakalpojumu infrastruktūras attīstība Ilūkstes novadā
              programme: 2014-2020
              measure: "9.3.1.1"
              funds: [ERDF]
              start: 2019-09-01
              end: 2020-05-31
              aims: Attīstīt sabiedrībā balstītu sociālo pakalpojumu infrastruktūru.
              budget:
                total: 447060.00
                sources:
                  - { source: ERDF, percent: 85 }
                  - { source: state-budget, percent: 15 }
            ---
            Ilūkstes novadā sāk veidot dienas aprūpes centru.
            """,
        ["announcements/ilukstes-novads/2019-09-19-projekts.en.md"] = """
            ---
            title: The project begins
            date: 2019-09-19
            slug: project-begins
            project:
              id: "9.3.1.1/18/I/003"
              name: Development of service infrastructure in Ilūkste Municipality
              programme: 2014-2020
              measure: "9.3.1.1"
              funds: [ERDF]
              start: 2019-09-01
              end: 2020-05-31
              results: A day care centre for 14 people.
              budget:
                total: 447060.00
                sources:
                  - { source: ERDF, percent: 85 }
                  - { source: state-budget, percent: 15 }
            ---
            Ilūkste starts building a day care centre.
            """,
    };

    public TestSite(IReadOnlyDictionary<string, string?>? changes = null)
    {
        Root = Directory.CreateTempSubdirectory("vestis-test-").FullName;
        Content = Path.Join(Root, "content");
        Output = Path.Join(Root, "site-output");
        var files = BaseFiles.ToDictionary(f => f.Key, f => (string?)f.Value);
        foreach (var (path, text) in changes ?? new Dictionary<string, string?>()) files[path] = text;
        foreach (var (path, text) in files)
            if (text is not null) Write(path, text);
        Directory.CreateDirectory(Content);
    }

    public string Root { get; }

    public string Content { get; }

    public string Output { get; }

    public void Write(string path, string text)
    {
        var full = Path.Join(Content, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n") + (text.EndsWith('\n') ? "" : "\n"));
    }

    public BuildResult Build(bool write = true, bool drafts = false, string today = "2026-11-23", string? templates = null) =>
        SiteBuilder.Build(Options(templates, write, drafts, today));

    public BuildOptions Options(string? templates = null, bool write = true, bool drafts = false, string today = "2026-11-23") =>
        new(Content, templates ?? Repository.Templates, write ? Output : null, drafts, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), 2);

    public string Page(string path) => File.ReadAllText(Path.Join(Output, path));

    /// <summary>The content-relative path a diagnostic names.</summary>
    public string Relative(Diagnostic d) => Path.GetRelativePath(Content, d.Span.Path).Replace('\\', '/');

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A test site with a class's changes, built once and shared by the class's tests.</summary>
public abstract class BuiltSite : IDisposable
{
    protected BuiltSite(IReadOnlyDictionary<string, string?> changes)
    {
        Site = new TestSite(changes);
        Result = Site.Build();
    }

    public TestSite Site { get; }

    public BuildResult Result { get; }

    public IHtmlDocument Html(string path) => new HtmlParser().ParseDocument(Site.Page(path));

    public void Dispose() => Site.Dispose();
}

public static class Repository
{
    public static readonly string Root = Find();

    public static string Templates => Path.Join(Root, "templates");

    public static string Content => Path.Join(Root, "content");

    public static string Shared => Path.GetFullPath(Path.Join(Root, "..", "shared"));

    /// <summary>Copies a folder of the repository (content, templates) for a test to change.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Join(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Runs the shared corpus generator (<c>../shared/bench/make-corpus.py</c>) with these arguments.</summary>
    public static void MakeCorpus(params string[] args)
    {
        var (code, _, errors) = VestisProcess.RunProgram("python3", [Path.Join(Shared, "bench", "make-corpus.py"), .. args]);
        Assert.True(code == 0, errors);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "Vestis.sln"))) return dir.FullName;
        throw new InvalidOperationException("Vestis.sln not found above the test binaries");
    }
}
