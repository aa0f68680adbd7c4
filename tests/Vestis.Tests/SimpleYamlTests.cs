using CsCheck;
using Vestis.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vestis.Tests;

/// <summary>
/// The subset reader gives, for every text it accepts, the events YamlDotNet's parser gives: the same kinds, values,
/// styles and start of every node, the only position the checks report. Texts outside the subset are declined, and
/// YamlDotNet reads them as before.
/// </summary>
public sealed class SimpleYamlTests
{
    /// <summary>The front matter of every announcement of a corpus from the shared generator, and every YAML file of the bundled site.</summary>
    private static IEnumerable<(string Path, string Yaml)> Texts(string content) =>
        Directory.EnumerateFiles(content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(path => path.EndsWith(".md", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
            .Select(path => (path, path.EndsWith(".md", StringComparison.Ordinal)
                ? FrontMatter.Split(path, File.ReadAllText(path), new Diagnostics.DiagnosticBag())?.Yaml ?? ""
                : File.ReadAllText(path)));

    [Fact]
    public void Every_front_matter_of_a_generated_corpus_and_of_the_bundled_site_reads_as_YamlDotNet_reads_it()
    {
        var root = Directory.CreateTempSubdirectory("vestis-yaml-").FullName;
        try
        {
            Repository.MakeCorpus("--out", root, "--announcements", "400");
            var texts = Texts(root).Concat(Texts(Repository.Content)).Concat(Texts(Repository.Templates)).ToList();
            var accepted = 0;
            foreach (var (path, yaml) in texts)
                if (SimpleYaml.TryRead(yaml) is { } events)
                {
                    Assert.True(Same(Expected(yaml), events), path);
                    accepted++;
                }
            // The subset is worth having only if it holds the usual announcement.
            Assert.True(accepted > texts.Count * 9 / 10, $"{accepted} of {texts.Count} read by the subset");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("title: Plain text, with a comma\ndate: 2020-05-08\n")]
    [InlineData("title: \"Quoted “text” it's\"\ntags: [a, b c, \"d\"]\nempty: []\nnone: {}\n")]
    [InlineData("author: { name: Dace Zariņa, role: \"Vadītāja\" }\n\n\nkind: news")]
    [InlineData("project:\n  id: \"8.1.2.0/16/I/019\"\n  budget:\n    total: 1377854.00\n    sources:\n      - { source: ERDF, percent: 85 }\n      - state-budget\n  end: 2017-07-04\nnext: x\n")]
    [InlineData("url: https://example.lv/a:b\nsum: 1, 2, [3]\n")]
    [InlineData("# A note\ntitle: a\nproject:\n  # another, less indented than nothing\n  id: x\n    \n  name: y\n")]
    public void A_text_in_the_subset_reads_as_YamlDotNet_reads_it(string yaml)
    {
        var events = SimpleYaml.TryRead(yaml);
        Assert.NotNull(events);
        Assert.True(Same(Expected(yaml), events));
    }

    [Theory]
    [InlineData("title: a # comment\n")]
    [InlineData("# comment\ntitle: a\n")]
    [InlineData("title: first line\n  continued\n")]
    [InlineData("title:\n")]
    [InlineData("title: \"escaped \\\" quote\"\n")]
    [InlineData("title: 'single'\n")]
    [InlineData("title: a\r\n")]
    [InlineData("title:\ta\n")]
    [InlineData("list:\n- a\n")]
    [InlineData("list:\n  - key: value\n")]
    [InlineData("tags: [a,\n  b]\n")]
    [InlineData("tags: [a, ]\n")]
    [InlineData("tags: [[a]]\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: &x b\n")]
    [InlineData("a: *x\n")]
    [InlineData("a: !tag b\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("  indented: a\n")]
    [InlineData("a: 1\n  \nb: 2\n")]
    [InlineData("a: x \n")]
    [InlineData("\"key\": a\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("- a\n")]
    [InlineData("")]
    public void A_text_outside_the_subset_is_declined_or_reads_the_same(string yaml)
    {
        var events = SimpleYaml.TryRead(yaml);
        if (events is null) return;
        Assert.True(Same(Expected(yaml), events));
    }

    [Fact]
    public void A_duplicate_key_read_by_the_subset_is_reported_where_YamlDotNet_reports_it()
    {
        var bag = new Diagnostics.DiagnosticBag();
        Assert.NotNull(SimpleYaml.TryRead("a: 1\nb: 2\na: 3\n"));

        Assert.Null(YamlParser.Parse("f.md", "a: 1\nb: 2\na: 3\n", 1, bag));

        var error = Assert.Single(bag.Sorted());
        Assert.Equal((4, 1), (error.Span.Line, error.Span.Column));
    }

    private static readonly string[] Indents = ["", "", "", "  ", "  ", "    ", "      ", " ", "   "];

    private static readonly string[] Keys = ["title", "date", "a", "b-c", "x_1", "id", "-k", "k k", "\"q\""];

    private static readonly string[] Values =
    [
        "plain", "two words", "2020-05-08", "85", "1377854.00", "a:b", "a: b", "a #b", "a#b", "\"quoted\"", "\"q\" x", "\"\"", "\"a\\\"b\"",
        "'single'", "it's", "[a, b]", "[a,b]", "[]", "[ ]", "[a, ]", "[\"x\", y z]", "[a: b]", "[[a]]", "{ k: v, n: \"w\" }", "{k: v}", "{ k: }",
        "{}", "{ k: [a] }", "{ k:v }", "{ -k: v }", "-5", "- x", "x ", "x:", "?x", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x`", "a, b",
        "(a)", "a \"b\" c", "[&a x]", "[!t x]", "{ k: &a v }", "[- x]", "[?x]", "{ k: |x }", "[%x]", "[@x]", "€ ā ž “x”", "https://x.lv/a?b=c", "~", "null", "a\tb", "a  b",
    ];

    /// <summary>A text of YAML-like lines, each chosen by a number: most stray from the subset in some way, or from YAML.</summary>
    private static string Lines(int[] choices) => string.Join('\n', choices.Select(choice =>
    {
        var indent = Indents[choice % Indents.Length];
        var key = Keys[choice / Indents.Length % Keys.Length];
        var value = Values[choice / Indents.Length / Keys.Length % Values.Length];
        return (choice / Indents.Length / Keys.Length / Values.Length) switch
        {
            0 or 1 or 2 => $"{indent}{key}: {value}",
            3 => $"{indent}{key}:",
            4 or 5 => $"{indent}- {value}",
            6 => $"{indent}# {value}",
            _ => indent,
        };
    })) + (choices.Length % 2 == 0 ? "\n" : "");

    [Fact]
    public void Any_text_the_subset_reads_gives_YamlDotNets_events()
    {
        var accepted = 0;
        Gen.Int[0, Indents.Length * Keys.Length * Values.Length * 8 - 1].Array[1, 10].Select(Lines).Sample(yaml =>
        {
            if (SimpleYaml.TryRead(yaml) is not { } events) return;
            Interlocked.Increment(ref accepted);
            Assert.True(Same(Expected(yaml), events));
        }, iter: 400_000, threads: 2, print: yaml => yaml);
        // Most random text strays from the subset; enough of it must be read for the comparison to mean something.
        Assert.InRange(accepted, 1_500, 400_000);
    }

    private static List<ParsingEvent>? Expected(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var events = new List<ParsingEvent>();
        try
        {
            while (parser.MoveNext()) events.Add(parser.Current!);
        }
        catch (YamlException)
        {
            return null;
        }
        return events;
    }

    private static bool Same(List<ParsingEvent>? expected, List<ParsingEvent> actual) =>
        expected is not null && expected.Count == actual.Count && expected.Zip(actual).All(pair => Describe(pair.First) == Describe(pair.Second));

    private static string Describe(ParsingEvent e) => e switch
    {
        Scalar s => $"scalar {s.Value} {s.Style} {s.IsPlainImplicit} {s.IsQuotedImplicit} {s.Tag} {s.Anchor} {s.IsKey} {Where(s.Start)}",
        MappingStart m => $"mapping {m.Style} {m.IsImplicit} {m.Tag} {m.Anchor} {Where(m.Start)}",
        SequenceStart q => $"sequence {q.Style} {q.IsImplicit} {q.Tag} {q.Anchor} {Where(q.Start)}",
        DocumentStart d => $"document {d.IsImplicit}",
        DocumentEnd d => $"document end {d.IsImplicit}",
        _ => e.GetType().Name,
    };

    private static string Where(Mark mark) => $"{mark.Index}:{mark.Line}:{mark.Column}";
}
