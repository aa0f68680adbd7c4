using System.Runtime;

namespace Vestis.Cli;

/// <summary><c>build</c> and <c>check</c>: the same pipeline; <c>check</c> writes nothing.</summary>
internal static class BuildCommand
{
    private static readonly HashSet<string> BuildValued = ["--content", "--templates", "--output", "--today", "--threads"];
    private static readonly HashSet<string> CheckValued = ["--content", "--templates", "--today", "--threads", "--format"];
    private static readonly HashSet<string> Flags = ["--drafts"];

    /// <param name="terminal">Whether <paramref name="output"/> is a terminal, where a progress bar may be drawn.</param>
    public static int Run(IReadOnlyList<string> args, bool write, TextWriter output, TextWriter errors, bool terminal)
    {
        var options = Options.Parse(args, write ? BuildValued : CheckValued, Flags);
        if (options.Positional.Count > 0) throw new UsageException($"unexpected argument `{options.Positional[0]}`");
        var json = options.Get("--format", "text") switch
        {
            "text" => false,
            "json" => true,
            var other => throw new UsageException($"--format takes text or json, not `{other}`"),
        };
        var content = options.Get("--content", "content");
        var today = options.Today();
        var threads = options.Threads();
        var outputFolder = options.Get("--output", "site-output");
        if (!json && !Options.ContentExists(content, errors)) return 1;
        var build = new BuildOptions(content, options.Get("--templates", "templates"), write ? outputFolder : null, options.Has("--drafts"), today, threads);

        if (json)
        {
            var checkedSite = Directory.Exists(content) ? Batch(() => SiteBuilder.Build(build)) : null;
            output.WriteLine(CheckReport.Json(checkedSite, content));
            return checkedSite is { Succeeded: true } ? 0 : 1;
        }

        var result = Batch(() => SiteBuilder.Build(build, new ProgressDisplay(output, terminal)));
        foreach (var diagnostic in result.Diagnostics) errors.WriteLine(diagnostic);
        var total = result.Timings.Sum(t => t.Milliseconds);
        if (!result.Succeeded)
        {
            output.WriteLine($"{(write ? "build" : "check")} failed: {result.Errors} error(s), {result.Warnings} warning(s)" +
                (write ? "; the output folder was not changed" : ""));
            return 1;
        }
        output.Write(BuildSummary.Table(result.Files));
        var pages = result.Files.Count(f => f.Page);
        output.WriteLine(result.Written is { } w
            ? $"built {result.Files.Count} files ({pages} pages) into {outputFolder}: {w.Written} written, {w.Unchanged} unchanged, {w.Removed} removed; {result.Warnings} warning(s); {total} ms"
            : $"check passed: {pages} pages would be built; {result.Warnings} warning(s); {total} ms");
        return 0;
    }

    /// <summary>
    /// Runs a build as the batch job it is, that nothing waits on but its end: the collector's background marking of the
    /// growing heap took the other core from the workers, and the heap grew on while it marked. At 10k, 440-460 MB at
    /// most instead of 545-550 MB, in no more time (docs/performance.md).
    /// </summary>
    private static T Batch<T>(Func<T> build)
    {
        var before = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        try
        {
            return build();
        }
        finally
        {
            GCSettings.LatencyMode = before;
        }
    }
}
