namespace Vestis.Cli;

/// <summary><c>build</c> and <c>check</c>: the same pipeline; <c>check</c> writes nothing.</summary>
internal static class BuildCommand
{
    private static readonly HashSet<string> BuildValued = ["--content", "--templates", "--output", "--today", "--threads"];
    private static readonly HashSet<string> CheckValued = ["--content", "--templates", "--today", "--threads"];
    private static readonly HashSet<string> Flags = ["--drafts"];

    public static int Run(IReadOnlyList<string> args, bool write, TextWriter output, TextWriter errors)
    {
        var options = Options.Parse(args, write ? BuildValued : CheckValued, Flags);
        if (options.Positional.Count > 0) throw new UsageException($"unexpected argument `{options.Positional[0]}`");
        var content = options.Get("--content", "content");
        var today = options.Today();
        var threads = options.Threads();
        if (!Options.ContentExists(content, errors)) return 1;
        var result = SiteBuilder.Build(new BuildOptions(
            content,
            options.Get("--templates", "templates"),
            write ? options.Get("--output", "site-output") : null,
            options.Has("--drafts"),
            today,
            threads));

        foreach (var diagnostic in result.Diagnostics) errors.WriteLine(diagnostic);
        var pages = result.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
        var stages = string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Milliseconds} ms"));
        if (!result.Succeeded)
        {
            output.WriteLine($"{(write ? "build" : "check")} failed: {result.Errors} error(s), {result.Warnings} warning(s)" +
                (write ? "; the output folder was not changed" : ""));
            return 1;
        }
        output.WriteLine(write
            ? $"built {result.Files.Count} files ({pages} pages) into {options.Get("--output", "site-output")}: {result.Warnings} warning(s); {stages}"
            : $"check passed: {pages} pages would be built, {result.Warnings} warning(s); {stages}");
        return 0;
    }
}
