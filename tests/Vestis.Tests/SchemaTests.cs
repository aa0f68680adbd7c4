using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Vestis.Cli;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;
using Vestis.Validation;

namespace Vestis.Tests;

/// <summary>
/// The JSON schemas in <c>schemas/</c> that editors use to complete and check content while it is typed, and the
/// VS Code files that apply them. The schemas are validated with NJsonSchema, which ignores <c>if</c>/<c>then</c>:
/// the fund-per-period rule written that way is compared with the generator's own list instead.
/// </summary>
public sealed class SchemaTests
{
    private const string Translation = "announcements/ilukstes-novads/2019-09-19-projekts.en.md";

    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Schemas = new();

    public static TheoryData<string> BundledContentFiles() =>
        new(Directory.EnumerateFiles(Repository.Content, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Content, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BundledContentFiles))]
    public async Task Every_bundled_content_file_is_valid_against_the_schema_its_editor_applies(string path)
    {
        var errors = await Errors(SchemaFor(path), ContentAsJson(path, File.ReadAllText(Path.Join(Repository.Content, path))));
        Assert.True(errors.Count == 0, Describe(errors));
    }

    /// <summary>Each is one change to a file of the valid <see cref="TestSite"/>, and the path the schema names.</summary>
    public static TheoryData<string, string, string, string> TypicalMistakes() => new()
    {
        { TestSite.ProjectAnnouncement, "kind: project-start", "kind: project-begin", "#/kind" },
        { TestSite.ProjectAnnouncement, "funds: [ERDF]", "funds: [ERFD]", "#/project.funds[0]" },
        { TestSite.ProjectAnnouncement, "total: 447060.00", "total: 447060.001", "#/project.budget.total" },
        { TestSite.ProjectAnnouncement, "title:", "titel:", "#/titel" },
        { TestSite.ProjectAnnouncement, "date: 2019-09-19", "date: 19.09.2019", "#/date" },
        { TestSite.ProjectAnnouncement, "end: 2020-05-31", "end: 2020-5-31", "#/project.end" },
        { TestSite.ProjectAnnouncement, "source: state-budget", "source: state", "#/project.budget.sources[1].source" },
        { TestSite.ProjectAnnouncement, "percent: 15 }", "percent: 15, amount: 67059.00 }", "#/project.budget.sources[1]" },
        { "site.yml", "country: LV", "country: lv", "#/country" },
        { "site.yml", "pageSize: 2", "pagesize: 2", "#/pagesize" },
        { "municipalities/ilukstes-novads.yml", "dissolved: 2021-07-01", "", "#/successor" },
        { "measures.yml", "en: Development", "EN: Development", "#/['9.3.1.1'].EN" },
    };

    [Theory]
    [MemberData(nameof(TypicalMistakes))]
    public async Task Typical_mistakes_are_rejected_at_the_field_by_the_schema_and_by_check(string file, string from, string to, string at)
    {
        var changed = Change(file, from, to);

        var errors = await Errors(SchemaFor(file), ContentAsJson(file, changed));
        Assert.True(errors.Any(e => e.Path == at), $"no error at {at}; the schema reported:\n{Describe(errors)}");

        using var site = new TestSite(new Dictionary<string, string?> { [file] = changed });
        Assert.Contains(site.Build(write: false).Diagnostics, d => d.Severity == Severity.Error && site.Relative(d) == file);
    }

    /// <summary>What the generator accepts and a stricter schema might wrongly flag while the officer types.</summary>
    public static TheoryData<string, string, string> AcceptedVariations() => new()
    {
        { TestSite.ProjectAnnouncement, "kind: project-start", "kind: project-start\nupdated: 2019-10-02\nsummary:\nauthor: Zanda Lisovska\ndraft: false" },
        { TestSite.ProjectAnnouncement, "total: 447060.00", "total: \"447060.00\"" },
        { TestSite.ProjectAnnouncement, "percent: 85 }", "percent: 85.0000 }" },
        { Translation, TestSite.BaseFiles[Translation], "---\ntitle: The project begins\ntranslated: 2019-09-19\n---\nIlūkste starts building a day care centre.\n" },
        { "site.yml", "pageSize: 2", "pageSize: 2\npublicity:\n  slogan: { lv: Ieguldījums tavā nākotnē }\n  logos:\n    2014-2020: { file: nap2020.svg }" },
        { "municipalities/augsdaugavas-novads.yml", "}", "}\nwebsite: https://www.augsdaugavasnovads.lv" },
    };

    [Theory]
    [MemberData(nameof(AcceptedVariations))]
    public async Task What_check_accepts_the_schema_accepts(string file, string from, string to)
    {
        var changed = Change(file, from, to);

        using var site = new TestSite(new Dictionary<string, string?> { [file] = changed });
        Assert.True(site.Build(write: false).Succeeded);
        var errors = await Errors(SchemaFor(file), ContentAsJson(file, changed));
        Assert.True(errors.Count == 0, Describe(errors));
    }

    public static TheoryData<string> SchemaNames() => new("announcement", "site", "municipality", "measures");

    // The editor shows a field's description on completion and hover; a field without one gives the officer no help.
    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Every_field_says_what_it_is_for(string name)
    {
        var schema = SchemaJson(name);
        Assert.Empty(Fields(schema).Where(field => !Described(field.Value!, schema)).Select(field => field.Key));
    }

    [Fact]
    public void The_announcement_schema_lists_the_kinds_funds_sources_and_programmes_of_the_generator()
    {
        var definitions = SchemaJson("announcement")["definitions"]!;
        Assert.Equal(AnnouncementKinds.Names, Enum(definitions["kind"]));
        Assert.Equal(Funds.Codes, Enum(definitions["fund"]));
        Assert.Equal(Funds.NationalSources, Enum(definitions["nationalSource"]));
        Assert.Equal(Funds.Programmes, Enum(definitions["programme"]));
    }

    [Fact]
    public void Each_programme_period_allows_exactly_the_funds_the_generator_knows_in_it()
    {
        var rules = SchemaJson("announcement")["definitions"]!["project"]!["allOf"]!.AsArray();
        var fundsByPeriod = rules.ToDictionary(
            rule => rule!["if"]!["properties"]!["programme"]!["const"]!.GetValue<string>(),
            rule => Enum(rule!["then"]!["properties"]!["funds"]!["items"]));
        Assert.Equal(Funds.Programmes, fundsByPeriod.Keys);
        foreach (var programme in Funds.Programmes)
            Assert.Equal(Funds.Codes.Where(fund => Funds.ExistsIn(fund, programme)), fundsByPeriod[programme]);
    }

    [Fact]
    public void Site_logos_are_given_per_programme_of_the_generator()
    {
        var logos = SchemaJson("site")["properties"]!["publicity"]!["properties"]!["logos"]!["properties"]!.AsObject();
        Assert.Equal(Funds.Programmes, logos.Select(p => p.Key));
    }

    public static TheoryData<string> EditorFiles() =>
        new(new[] { "schemas", ".vscode" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Join(Repository.Root, folder), "*.json"))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    // Strict JSON (no comments, no trailing commas), so that every tool reads them, not only VS Code.
    [Theory]
    [MemberData(nameof(EditorFiles))]
    public void Every_schema_and_editor_setting_is_strict_json(string path) =>
        JsonDocument.Parse(File.ReadAllText(Path.Join(Repository.Root, path))).Dispose();

    [Fact]
    public void The_editor_settings_apply_existing_schemas()
    {
        foreach (var schema in YamlSchemaSettings().Keys)
            Assert.True(File.Exists(Path.Join(Repository.Root, schema)), $"{schema} in .vscode/settings.json does not exist");
    }

    [Fact]
    public void The_check_task_turns_each_diagnostic_line_into_a_problem_at_its_place()
    {
        // An unknown kind (an error) and a project without aims or results in Latvian (a warning).
        var broken = TestSite.BaseFiles[TestSite.ProjectAnnouncement]
            .Replace("kind: project-start", "kind: project-begin", StringComparison.Ordinal)
            .Replace("  aims: Attīstīt sabiedrībā balstītu sociālo pakalpojumu infrastruktūru.\n", "", StringComparison.Ordinal);
        using var site = new TestSite(new Dictionary<string, string?> { [TestSite.ProjectAnnouncement] = broken });
        var errors = new StringWriter();
        var code = CommandLine.Run(["check", "--content", site.Content, "--templates", Repository.Templates, "--today", "2026-11-23"],
            TextWriter.Null, errors);
        Assert.Equal(1, code);

        var matcher = ProblemPattern.FromTasks(Path.Join(Repository.Root, ".vscode/tasks.json"));
        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var problems = lines.Select(line => matcher.Match(line) ?? throw new Xunit.Sdk.XunitException($"the problem matcher misses: {line}")).ToList();
        var file = Path.Join(site.Content, TestSite.ProjectAnnouncement).Replace('\\', '/');
        Assert.Contains(new Problem(file, 4, 7, "error", DiagnosticCodes.UnknownKind), problems);
        Assert.Contains(new Problem(file, 5, 1, "warning", DiagnosticCodes.MissingAimsOrResults), problems);
    }

    private static string Change(string file, string from, string to)
    {
        var original = TestSite.BaseFiles[file];
        Assert.Contains(from, original);
        return original.Replace(from, to, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<ValidationError>> Errors(string schema, JToken json)
    {
        var loaded = await Schemas.GetOrAdd(schema, name => JsonSchema.FromFileAsync(SchemaPath(name)));
        return Flatten(loaded.Validate(json)).ToList();
    }

    // An error under anyOf or oneOf carries the errors of each alternative; the field's own error is among them.
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child ? child.Errors.Values.SelectMany(Flatten).Prepend(e) : [e]);

    private static string Describe(IEnumerable<ValidationError> errors) => string.Join("\n", errors.Select(e => $"{e.Kind} at {e.Path}"));

    /// <summary>The schema the editor applies: announcements by their front matter, YAML files by .vscode/settings.json.</summary>
    private static string SchemaFor(string contentPath)
    {
        if (contentPath.StartsWith("announcements/", StringComparison.Ordinal)) return "announcement";
        var (schema, _) = YamlSchemaSettings().Single(s => Glob(s.Value).IsMatch("content/" + contentPath));
        return Path.GetFileName(schema).Replace(".schema.json", "", StringComparison.Ordinal);
    }

    private static Dictionary<string, string> YamlSchemaSettings() =>
        JsonNode.Parse(File.ReadAllText(Path.Join(Repository.Root, ".vscode/settings.json")))!["yaml.schemas"]!.AsObject()
            .ToDictionary(s => s.Key, s => s.Value!.GetValue<string>());

    private static Regex Glob(string pattern) => new("^" + Regex.Escape(pattern).Replace(@"\*", "[^/]*") + "$");

    private static JToken ContentAsJson(string path, string text)
    {
        var diagnostics = new DiagnosticBag();
        var yaml = path.EndsWith(".md", StringComparison.Ordinal) ? FrontMatter.Split(path, text, diagnostics)?.Yaml : text;
        var doc = yaml is null ? null : YamlParser.Parse(path, yaml, 0, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        return YamlJson.From(doc!.Root);
    }

    private static string SchemaPath(string name) => Path.Join(Repository.Root, "schemas", name + ".schema.json");

    private static JsonNode SchemaJson(string name) => JsonNode.Parse(File.ReadAllText(SchemaPath(name)))!;

    /// <summary>Every named field, leaving out the conditions of anyOf, oneOf, allOf and if/then, which name fields already described.</summary>
    private static IEnumerable<KeyValuePair<string, JsonNode?>> Fields(JsonNode? node) => node switch
    {
        JsonObject map => (map["properties"] as JsonObject ?? []).Concat(map
            .Where(child => child.Key is not ("anyOf" or "oneOf" or "allOf" or "if" or "then"))
            .SelectMany(child => Fields(child.Value))),
        JsonArray list => list.SelectMany(Fields),
        _ => [],
    };

    private static bool Described(JsonNode field, JsonNode schema) =>
        field["description"] is not null
        || (field["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
            && Described(reference[2..].Split('/').Aggregate(schema, (node, key) => node[key]!), schema));

    private static IEnumerable<string> Enum(JsonNode? schema) => schema!["enum"]!.AsArray().Select(v => v!.GetValue<string>());

    private sealed record Problem(string File, int Line, int Column, string Severity, string Code);

    /// <summary>The problem matcher of the check task, read from tasks.json and applied as VS Code applies it.</summary>
    private sealed record ProblemPattern(Regex Regexp, int FileGroup, int LineGroup, int ColumnGroup, int SeverityGroup, int CodeGroup)
    {
        public static ProblemPattern FromTasks(string path)
        {
            var task = JsonNode.Parse(File.ReadAllText(path))!["tasks"]!.AsArray().Single(t => t!["label"]!.GetValue<string>() == "Vestis: check")!;
            var pattern = task["problemMatcher"]!["pattern"]!;
            int Group(string name) => pattern[name]!.GetValue<int>();
            return new ProblemPattern(new Regex(pattern["regexp"]!.GetValue<string>()),
                Group("file"), Group("line"), Group("column"), Group("severity"), Group("code"));
        }

        public Problem? Match(string line)
        {
            var match = Regexp.Match(line);
            if (!match.Success) return null;
            string Text(int group) => match.Groups[group].Value;
            return new Problem(Text(FileGroup), int.Parse(Text(LineGroup)), int.Parse(Text(ColumnGroup)), Text(SeverityGroup), Text(CodeGroup));
        }
    }
}
