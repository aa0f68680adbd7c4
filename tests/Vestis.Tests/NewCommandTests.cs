using System.Text.RegularExpressions;
using Vestis.Cli;
using Vestis.Diagnostics;
using Vestis.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vestis.Tests;

/// <summary>
/// <c>new</c> run through the command line against a copy of the <see cref="TestSite"/>: where it writes, what it
/// writes in the author's language, that <c>check</c> rejects the file until every placeholder is filled and
/// accepts it then, and that it writes nothing when an argument is wrong or the file exists.
/// </summary>
[Collection("process-environment")]
public sealed partial class NewCommandTests
{
    private const string Today = "2026-05-04";
    private const string Folder = "announcements/augsdaugavas-novads";
    private const string NewProject = "9.3.1.1/21/I/001";
    private const string ExistingProject = "9.3.1.1/18/I/003";

    // Valid values for the fields whose placeholders cannot take any text.
    private static readonly Dictionary<string, string> Values = new()
    {
        ["programme"] = "2021-2027",
        ["measure"] = "\"9.3.1.1\"",
        ["funds"] = "ERDF",
        ["source"] = "ERDF",
        ["start"] = "2024-01-01",
        ["end"] = "2025-12-31",
        ["total"] = "1000.00",
        ["percent"] = "50",
        ["places"] = "10",
    };

    [Fact]
    public void Writes_an_announcement_dated_today_named_by_date_slug_and_language_and_says_where_it_will_be_published()
    {
        using var site = new TestSite();

        var (code, output, errors) = New(site, "augsdaugavas-novads", "jauns-centrs");

        Assert.True(code == 0, errors);
        var path = Path.Join(site.Content, Folder, $"{Today}-jauns-centrs.lv.md").Replace('\\', '/');
        Assert.Contains($"wrote {path}", output);
        Assert.Contains("then run check", output);
        Assert.Contains("https://projekti.example.lv/lv/augsdaugavas-novads/2026/jauns-centrs/", output);
        Assert.Contains($"\ndate: {Today} ", File.ReadAllText(path));
        Assert.Contains($"\n# updated: {Today} ", File.ReadAllText(path));
    }

    [Fact]
    public void Without_today_the_date_is_the_authors_local_calendar_date()
    {
        using var site = new TestSite();
        var saved = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", null);
            var before = DateOnly.FromDateTime(DateTime.Now);
            Assert.Equal(0, Run("new", "augsdaugavas-novads", "jauns-centrs", "--content", site.Content, "--templates", Repository.Templates).Code);
            var after = DateOnly.FromDateTime(DateTime.Now);
            var names = Directory.GetFiles(Path.Join(site.Content, Folder)).Select(Path.GetFileName).ToList();
            Assert.Contains(names, n => n == $"{before:yyyy-MM-dd}-jauns-centrs.lv.md" || n == $"{after:yyyy-MM-dd}-jauns-centrs.lv.md");
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", saved);
        }
    }

    [Theory]
    [InlineData("lv", "# obligāts, līdz 200 rakstzīmēm", "title: \"<<virsraksts>>\"", "kind: project-start", "(Projekta sākums)")]
    [InlineData("en", "# required, up to 200 characters", "title: \"<<title>>\"", "kind: project-start", "(Project start)")]
    [InlineData("ru", "# обязательно, до 200 символов", "title: \"<<заголовок>>\"", "kind: project-start", "(Начало проекта)")]
    [InlineData("lt", "# privaloma, iki 200 simbolių", "title: \"<<antraštė>>\"", "kind: project-start", "(Projekto pradžia)")]
    [InlineData("ltg", "# obligāts, līdz 200 rakstzīmēm", "name: \"<<projekta nūsaukums>>\"", "kind: project-start", "(Projekta suokums)")]
    public void Notes_and_placeholders_are_in_the_authors_language(string language, params string[] expected)
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["site.yml"] = TestSite.BaseFiles["site.yml"].Replace("[lv, en]", "[lv, en, ru, lt, ltg]", StringComparison.Ordinal),
        });

        Assert.Equal(0, New(site, "augsdaugavas-novads", "jauns-centrs", "--lang", language, "--project", NewProject).Code);

        var text = File.ReadAllText(Path.Join(site.Content, Folder, $"{Today}-jauns-centrs.{language}.md"));
        Assert.All(expected, e => Assert.Contains(e, text));
    }

    [Theory]
    [InlineData(ExistingProject)]
    [InlineData("9.3.1.1-18-i-003")]
    public void An_existing_project_is_referenced_by_its_id_with_its_name_in_a_note(string asked)
    {
        using var site = new TestSite();

        Assert.Equal(0, New(site, "ilukstes-novads", "darbi-sakti", "--lang", "en", "--project", asked).Code);

        var text = File.ReadAllText(Path.Join(site.Content, "announcements/ilukstes-novads", $"{Today}-darbi-sakti.en.md"));
        Assert.Matches($"\nproject: \"{Regex.Escape(ExistingProject)}\" +# Development of service infrastructure in Ilūkste Municipality ", text);
        Assert.Contains("\nkind: news ", text);
        Assert.DoesNotContain("budget:", text);
    }

    [Fact]
    public void A_new_project_gets_the_full_block_with_the_sites_measures_listed_and_is_a_project_start()
    {
        using var site = new TestSite();

        Assert.Equal(0, New(site, "augsdaugavas-novads", "jauns-centrs", "--project", NewProject).Code);

        var text = File.ReadAllText(Path.Join(site.Content, Folder, $"{Today}-jauns-centrs.lv.md"));
        Assert.Contains("\nkind: project-start ", text);
        Assert.Contains("\nproject: ", text);
        Assert.Contains($"\n  id: \"{NewProject}\" ", text);
        Assert.Contains("\n  # \"9.3.1.1\" Pakalpojumu infrastruktūras attīstība\n", text);
        Assert.Contains("\n  # beneficiary: \"Augšdaugavas novads\" ", text);
        foreach (var field in new[] { "name", "programme", "measure", "funds", "start", "end", "aims", "results", "budget", "facilities" })
            Assert.Contains($"\n  {field}:", text);
        foreach (var field in new[] { "currency", "total", "sources" })
            Assert.Contains($"\n    {field}:", text);
    }

    [Fact]
    public void The_front_matter_is_yaml_the_loader_reads_with_ids_and_codes_as_text_and_updated_and_slug_left_out()
    {
        using var site = new TestSite();
        Assert.Equal(0, New(site, "augsdaugavas-novads", "jauns-centrs", "--project", NewProject).Code);
        var path = Path.Join(site.Content, Folder, $"{Today}-jauns-centrs.lv.md");
        var diagnostics = new DiagnosticBag();

        var frontMatter = FrontMatter.Split(path, SourceText.Read(path, path, diagnostics)!, diagnostics)!;
        var doc = YamlParser.Parse(path, frontMatter.Yaml, lineOffset: 1, diagnostics)!;

        Assert.Empty(diagnostics.Sorted());
        var root = (YamlMappingNode)doc.Root!;
        Assert.Equal(["title", "date", "summary", "kind", "tags", "author", "draft", "project"],
            root.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        var project = (YamlMappingNode)root["project"];
        Assert.Equal(new YamlScalarNode(NewProject), project["id"]);
        Assert.Equal(ScalarStyle.DoubleQuoted, ((YamlScalarNode)project["id"]).Style);
        Assert.Equal(ScalarStyle.DoubleQuoted, ((YamlScalarNode)project["measure"]).Style);
    }

    [Theory]
    [InlineData("lv", NewProject)]
    [InlineData("en", NewProject)]
    [InlineData("en", ExistingProject)]
    [InlineData("lv", null)]
    public void Check_rejects_every_placeholder_at_its_line_and_column_until_it_is_filled(string language, string? project)
    {
        using var site = new TestSite();
        string[] options = project is null ? ["--lang", language] : ["--lang", language, "--project", project];
        Assert.Equal(0, New(site, ["augsdaugavas-novads", "jauns-centrs", .. options]).Code);
        var path = Path.Join(site.Content, Folder, $"{Today}-jauns-centrs.{language}.md");
        var text = File.ReadAllText(path);

        var (code, _, errors) = Run("check", "--content", site.Content, "--templates", Repository.Templates, "--today", Today);

        Assert.Equal(1, code);
        var reported = Diagnostic().Matches(errors).Select(m => (m.Groups["code"].Value, m.Groups["where"].Value, m.Groups["message"].Value)).ToList();
        Assert.All(reported, r => Assert.Equal(DiagnosticCodes.Placeholder, r.Item1));
        Assert.All(reported, r => Assert.StartsWith("fill in the placeholder <<", r.Item3, StringComparison.Ordinal));
        Assert.Equal(PlaceholderPositions(path.Replace('\\', '/'), text), reported.Select(r => r.Item2));

        File.WriteAllText(path, Filled(text));
        var filled = Run("check", "--content", site.Content, "--templates", Repository.Templates, "--today", Today);
        Assert.True(filled.Code == 0, filled.Errors);
        Assert.DoesNotContain(": error ", filled.Errors);
    }

    [Fact]
    public void An_existing_announcement_is_never_overwritten()
    {
        using var site = new TestSite();
        var path = Path.Join(site.Content, Folder, $"{Today}-jauns-centrs.lv.md");
        site.Write($"{Folder}/{Today}-jauns-centrs.lv.md", "---\ntitle: Mans teksts\ndate: 2026-05-04\n---\nTeksts.\n");
        var before = File.ReadAllText(path);

        var (code, output, errors) = New(site, "augsdaugavas-novads", "jauns-centrs");

        Assert.Equal(1, code);
        Assert.Contains($"{path.Replace('\\', '/')}(1,1): error {DiagnosticCodes.AnnouncementExists}: ", errors);
        Assert.Contains("new wrote nothing", output);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void A_default_language_file_without_its_language_ending_is_the_same_announcement()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            [$"{Folder}/{Today}-jauns-centrs.md"] = "---\ntitle: Mans teksts\ndate: 2026-05-04\n---\nTeksts.\n",
        });

        var (code, _, errors) = New(site, "augsdaugavas-novads", "jauns-centrs");

        Assert.Equal(1, code);
        Assert.Contains($"{Today}-jauns-centrs.md(1,1): error {DiagnosticCodes.AnnouncementExists}: ", errors);
        Assert.False(File.Exists(Path.Join(site.Content, Folder, $"{Today}-jauns-centrs.lv.md")));
    }

    [Fact]
    public void An_address_another_announcement_of_that_year_has_is_refused()
    {
        using var site = new TestSite();

        var (code, _, errors) = Run("new", "ilukstes-novads", "projekts", "--today", "2019-12-01",
            "--content", site.Content, "--templates", Repository.Templates);

        Assert.Equal(1, code);
        Assert.Contains($"{TestSite.ProjectAnnouncement}(1,1): error {DiagnosticCodes.DuplicateUrl}: this announcement is published at /lv/ilukstes-novads/2019/projekts/", errors);
        Assert.False(File.Exists(Path.Join(site.Content, "announcements/ilukstes-novads/2019-12-01-projekts.lv.md")));
    }

    [Theory]
    [InlineData("there is no municipality `rigas-novads`", "rigas-novads", "jauns-centrs")]
    [InlineData("--lang de is not one of the site's languages (lv, en)", "augsdaugavas-novads", "jauns-centrs", "--lang", "de")]
    [InlineData("--kind news-item is not one of news, project-start, procurement, progress, completion", "augsdaugavas-novads", "jauns-centrs", "--kind", "news-item")]
    [InlineData("`jauns centrs` cannot name an announcement: use letters, digits and single hyphens, like `jauns-centrs`", "augsdaugavas-novads", "jauns centrs")]
    [InlineData("`jauns.centrs` cannot name an announcement", "augsdaugavas-novads", "jauns.centrs")]
    [InlineData("`../jauns` cannot name an announcement", "augsdaugavas-novads", "../jauns")]
    [InlineData("`-` cannot name an announcement", "augsdaugavas-novads", "-")]
    [InlineData("--project 9.3.1.1/../x is not a project number", "augsdaugavas-novads", "jauns-centrs", "--project", "9.3.1.1/../x")]
    [InlineData("new takes a municipality id and a slug", "augsdaugavas-novads")]
    [InlineData("unknown option --drafts", "augsdaugavas-novads", "jauns-centrs", "--drafts")]
    public void A_wrong_argument_exits_2_with_a_clear_message_and_writes_nothing(string message, params string[] args)
    {
        using var site = new TestSite();
        var before = Directory.GetFiles(site.Content, "*", SearchOption.AllDirectories).Length;

        var (code, _, errors) = New(site, args);

        Assert.Equal(2, code);
        Assert.Contains($"vestis: {message}", errors);
        Assert.Equal(before, Directory.GetFiles(site.Content, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void A_slug_in_the_authors_own_letters_names_the_file_and_is_transliterated_in_the_address()
    {
        using var site = new TestSite();

        var (code, output, _) = New(site, "augsdaugavas-novads", "centrs-atvērts");

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Join(site.Content, Folder, $"{Today}-centrs-atvērts.lv.md")));
        Assert.Contains("/lv/augsdaugavas-novads/2026/centrs-atverts/", output);
    }

    private static (int Code, string Output, string Errors) New(TestSite site, params string[] args) =>
        Run(["new", .. args, "--today", Today, "--content", site.Content, "--templates", Repository.Templates]);

    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = CommandLine.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>Where check must report each placeholder: at its quoted value in front matter, at its start in the text.</summary>
    private static IEnumerable<string> PlaceholderPositions(string path, string text) =>
        text.Split('\n')
            .Select((line, i) => (line, number: i + 1))
            .Where(l => !l.line.TrimStart().StartsWith('#') && l.line.Contains("<<", StringComparison.Ordinal))
            .Select(l => $"{path}({l.number},{(l.line.StartsWith("<<", StringComparison.Ordinal) ? 1 : l.line.IndexOf("\"<<", StringComparison.Ordinal) + 1)})");

    /// <summary>Each placeholder replaced by a valid value for its field, as an author would fill the file in.</summary>
    private static string Filled(string text) => string.Join('\n', text.Split('\n').Select(line =>
    {
        if (line.StartsWith("<<", StringComparison.Ordinal)) return "Teksts.";
        var placeholder = QuotedPlaceholder().Match(line);
        if (!placeholder.Success || line.TrimStart().StartsWith('#')) return line;
        var field = line.Split(':')[0].Trim().TrimStart('-', ' ');
        return string.Concat(line.AsSpan(0, placeholder.Index), Values.GetValueOrDefault(field, "\"Teksts\""), line.AsSpan(placeholder.Index + placeholder.Length));
    }));

    [GeneratedRegex("\"<<[^>]*>>\"")]
    private static partial Regex QuotedPlaceholder();

    [GeneratedRegex(@"^(?<where>.+?\(\d+,\d+\)): error (?<code>VES\d+): (?<message>[^\r\n]*)$", RegexOptions.Multiline)]
    private static partial Regex Diagnostic();
}
