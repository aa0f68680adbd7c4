using Vestis.Diagnostics;

namespace Vestis.Tests;

/// <summary>
/// The shared corpus generator writes deliberately broken files with the line of each problem
/// (EXPECTED.tsv): every one must be reported there, in one run, and nothing else. One of each kind:
/// with more, two redefinitions of one project can agree with each other and tie the real definition.
/// </summary>
public sealed class BrokenCorpusTests
{
    [Fact]
    public void Every_broken_file_of_the_shared_corpus_is_reported_at_its_line_in_one_run()
    {
        var root = Directory.CreateTempSubdirectory("vestis-corpus-").FullName;
        try
        {
            var content = Path.Join(root, "content");
            var bad = Path.Join(root, "bad");
            Repository.MakeCorpus("--out", content, "--announcements", "80", "--bad", "18", "--bad-out", bad);
            var expected = File.ReadAllLines(Path.Join(bad, "EXPECTED.tsv")).Skip(1)
                .Select(l => l.Split('\t')).Select(f => (Path: f[0], Line: int.Parse(f[1]))).ToList();
            Assert.Equal(18, expected.Count);
            foreach (var file in Directory.EnumerateFiles(bad, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("EXPECTED.tsv")))
            {
                var target = Path.Join(content, Path.GetRelativePath(bad, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }

            var result = SiteBuilder.Build(new BuildOptions(content, Repository.Templates, null, false, new DateOnly(2026, 11, 23), 2));

            Assert.False(result.Succeeded);
            var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error)
                .Select(d => (Path: Path.GetRelativePath(content, d.Span.Path).Replace('\\', '/'), d.Span.Line)).ToList();
            foreach (var problem in expected)
                Assert.Contains(problem, errors);
            Assert.All(errors, e => Assert.Contains(e.Path, expected.Select(x => x.Path)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
