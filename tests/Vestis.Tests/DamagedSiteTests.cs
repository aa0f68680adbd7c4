using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Vestis.Cli;

namespace Vestis.Tests;

/// <summary>
/// The bundled site, damaged the ways files are damaged in real life (cut short, saved in another encoding,
/// merged by git, pasted from Word) and the ways a hostile author would try. Whatever the damage, a build
/// ends with exit code 0 or 1 and canonical diagnostics, never an exception, and <c>check --format json</c> with one JSON object.
/// </summary>
public sealed partial class DamagedSiteTests
{
    /// <summary>One damage: which kind, to which file, where in it.</summary>
    public sealed record Damage(int Kind, int File, double At)
    {
        public override string ToString() => $"{Kinds[Kind].Name}({File}, {At:0.###})";
    }

    private const string BillionLaughs = """
        a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        """;

    private static readonly string[] HostileYaml =
    [
        "title: !!binary aGVsbG8=", "title: !custom x", "? [a, b]\n: c", "{a: 1, a: 2}", "title:", "title: ~", "title: [1, 2]",
        "title: {x: y}", "date: 99999-99-99", "date: 2019-02-30", "date: 0001-01-01", "date: 9999-12-31", "project: 12",
        "project: { id: ../../x }", "slug: ../../x", "slug: a/b", "slug: CON", "tags: [" + new string('x', 100_000) + "]",
        "pageSize: 99999999999999999999", "pageSize: -1", "pageSize: 0", "languages: []", "languages: [../x]", "baseUrl: javascript:alert(1)",
        "%YAML 1.1", "--- !x", "...", "---", "\"title\": \"\\uD800\"", "title: \"a\\x13b\\0\"", "title: \"\\uFFFE\"", "title: \uFFFF", "title: \u202Eevil", "<<: {title: merged}",
    ];

    private static readonly string[] HostileMarkdown =
    [
        new string('>', 20_000) + " deep", new string('[', 20_000), new string('*', 50_000) + "x", string.Concat(Enumerable.Repeat("<div>", 20_000)),
        string.Concat(Enumerable.Repeat("- ", 5_000)) + "list", "[x](../../../../etc/passwd)", "![x](/etc/passwd)", "[x](2019-09-19-x/../../../etc/passwd)",
        "<script>alert(1)</script>", "| a |\n|---|\n" + string.Concat(Enumerable.Repeat("| b |\n", 10_000)), new string('`', 10_000),
        "[a]: <" + new string('(', 10_000) + ">\n[a]", "&#x" + new string('9', 1000) + ";", "&#x13; &#xFFFE; [x](/a \"&#xB;\") <b title=\"&#x1F;\">b</b>",
    ];

    private static readonly string[] Names =
    [
        "..md", ".lv.md", "x.md", "2019-09-19-.lv.md", "2019-09-19-a.xx.md", "2019-99-99-a.lv.md", "CON.lv.md", "a b.lv.md", "ā/.lv.md".Replace("/", ""),
        new string('a', 240) + ".lv.md", "2019-09-19-" + new string('ž', 100) + ".lv.md", "2019-09-19-..lv.md", "2019-09-19-a..lv.md",
    ];

    private static readonly (string Name, Action<string, double> Apply)[] Kinds =
    [
        ("truncate", (path, at) => Change(path, bytes => bytes[..(int)(bytes.Length * at)])),
        ("nul", (path, at) => Insert(path, at, [0])),
        ("invalid-utf8", (path, at) => Insert(path, at, [0xC3, 0x28, 0xFF])),
        ("bom", (path, _) => Change(path, bytes => [.. Encoding.UTF8.Preamble, .. bytes])),
        ("crlf", (path, _) => ChangeText(path, text => text.Replace("\n", "\r\n"))),
        ("lone-cr", (path, _) => ChangeText(path, text => text.Replace("\n", "\r"))),
        ("tabs", (path, _) => ChangeText(path, text => text.Replace("  ", "\t"))),
        ("duplicate-line", (path, at) => ChangeLines(path, at, (lines, i) => lines.Insert(i, lines[i]))),
        ("drop-line", (path, at) => ChangeLines(path, at, (lines, i) => lines.RemoveAt(i))),
        ("alias-bomb", (path, at) => InsertLine(path, at, BillionLaughs)),
        ("deep-yaml", (path, at) => InsertLine(path, at, "deep: " + new string('[', 5000) + new string(']', 5000))),
        ("deep-yaml-block", (path, at) => InsertLine(path, at, string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i) + "k:\n")))),
        ("hostile-yaml", (path, at) => InsertLine(path, at, HostileYaml[(int)(at * HostileYaml.Length) % HostileYaml.Length])),
        ("hostile-markdown", (path, at) => ChangeText(path, text => text + "\n" + HostileMarkdown[(int)(at * HostileMarkdown.Length) % HostileMarkdown.Length])),
        ("empty", (path, _) => File.WriteAllBytes(path, [])),
        ("folder", (path, _) => { File.Delete(path); Directory.CreateDirectory(Path.Join(path, "inside.md")); }),
        ("link-outside", (path, at) => { File.Delete(path); File.CreateSymbolicLink(path, at < 0.5 ? "/etc/passwd" : "/dev/zero"); }),
        ("folder-link-outside", (path, _) => Directory.CreateSymbolicLink(Path.Join(Path.GetDirectoryName(path)!, "etc"), "/etc")),
        ("folder-link-loop", (path, _) => Directory.CreateSymbolicLink(Path.Join(Path.GetDirectoryName(path)!, "loop"), ".")),
        ("broken-link", (path, _) => File.CreateSymbolicLink(path + ".md", "nowhere")),
        ("megabytes", (path, _) => ChangeText(path, text => text + new string('a', 3 * 1024 * 1024))),
        ("rename", (path, at) => File.Move(path, Path.Join(Path.GetDirectoryName(path)!, Names[(int)(at * Names.Length) % Names.Length]))),
        ("flip-byte", (path, at) => Change(path, bytes => { if (bytes.Length > 0) bytes[(int)(at * (bytes.Length - 1))] ^= 0x5A; return bytes; })),
    ];

    private static readonly Gen<Damage[]> Damages =
        Gen.Select(Gen.Int[0, Kinds.Length - 1], Gen.Int[0, 1000], Gen.Double[0, 1], (kind, file, at) => new Damage(kind, file, at)).Array[1, 3];

    [GeneratedRegex(@"^.+\(\d+,\d+\): (error|warning) VES\d{3}: .+$")]
    private static partial Regex CanonicalDiagnostic();

    [Fact]
    public void A_damaged_site_ends_in_exit_code_0_or_1_with_canonical_diagnostics_and_no_exception()
    {
        Damages.Sample(BuildsCleanly, iter: 150, threads: 2, print: d => string.Join(", ", d));
    }

    /// <summary>Damage that once crashed a build, kept as CsCheck found it.</summary>
    [Theory]
    [InlineData("aDgg5oChJMi2")] // Markdown nested past Markdig's limit
    [InlineData("b6L1IR4MHH-1")] // a control character, which no XML feed can carry
    [InlineData("eTJyhhTj9d21")] // a flipped byte on which YamlDotNet's parser throws InvalidOperationException
    public void A_damage_that_once_crashed_a_build_is_now_reported(string seed)
    {
        Damages.Sample(BuildsCleanly, seed: seed, iter: 1, threads: 1, print: d => string.Join(", ", d));
    }

    private static void BuildsCleanly(Damage[] damages)
    {
        var root = Directory.CreateTempSubdirectory("vestis-damaged-").FullName;
        try
        {
            var content = Path.Join(root, "content");
            Repository.Copy(Repository.Content, content);
            var files = Directory.GetFiles(content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            foreach (var damage in damages)
            {
                var file = files[damage.File % files.Length];
                if (new FileInfo(file).LinkTarget is not null) continue; // already a link out (to /dev/zero, say): nothing to read and damage
                try
                {
                    Kinds[damage.Kind].Apply(file, damage.At);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // An earlier damage made the file a folder or made the same link: this one has nothing to damage.
                }
            }
            var output = new StringWriter();
            var errors = new StringWriter();
            var code = CommandLine.Run(["build", "--content", content, "--templates", Repository.Templates,
                "--output", Path.Join(root, "site-output"), "--today", "2026-11-23"], output, errors);

            Assert.True(code is 0 or 1, $"exit code {code}\n{errors}");
            foreach (var line in errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
                Assert.Matches(CanonicalDiagnostic(), line);

            // What editors and CI read: one JSON object, whatever the damage.
            var report = new StringWriter();
            code = CommandLine.Run(["check", "--content", content, "--templates", Repository.Templates, "--today", "2026-11-23", "--format", "json"], report, errors);
            Assert.True(code is 0 or 1, $"check exit code {code}");
            System.Text.Json.JsonDocument.Parse(report.ToString()).Dispose();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Change(string path, Func<byte[], byte[]> change) => File.WriteAllBytes(path, change(File.ReadAllBytes(path)));

    private static void ChangeText(string path, Func<string, string> change) =>
        Change(path, bytes => Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(bytes))));

    private static void Insert(string path, double at, byte[] inserted) =>
        Change(path, bytes => { var i = (int)(bytes.Length * at); return [.. bytes[..i], .. inserted, .. bytes[i..]]; });

    private static void ChangeLines(string path, double at, Action<List<string>, int> change) =>
        ChangeText(path, text =>
        {
            var lines = text.Split('\n').ToList();
            change(lines, (int)(at * (lines.Count - 1)));
            return string.Join('\n', lines);
        });

    // After the first line, so that front matter stays front matter (the `---` fence is the first line).
    private static void InsertLine(string path, double at, string inserted) =>
        ChangeLines(path, at, (lines, i) => lines.Insert(Math.Max(1, i), inserted));
}
