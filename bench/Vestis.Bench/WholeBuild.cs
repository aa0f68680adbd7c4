using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Vestis.Bench;

/// <summary>
/// Whole builds of a corpus from ../shared/bench/make-corpus.py by the tool as `dotnet publish` makes it, timed
/// from outside like the peers: a cold build into an empty folder with no spare beside it, a rebuild with nothing changed, a rebuild
/// after one edit (its draft made from nothing) and another as the edit is undone (its draft made from the spare). Then
/// ../shared/bench/run-peers.sh times Hugo (and the cp -r floor) on the same corpus in the same run,
/// and the ratios the speed targets are stated in are printed. The machine is noisy: only ratios
/// measured side by side mean anything.
/// </summary>
internal sealed partial class WholeBuild(int announcements, int runs, string peers, string work)
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private readonly string root = RepositoryRoot();

    private static string SharedBench() => Path.GetFullPath(Path.Join(RepositoryRoot(), "..", "shared", "bench"));

    public int Run()
    {
        Directory.CreateDirectory(work);
        var corpus = Corpus(work, announcements);
        var output = Path.Join(work, $"out-{announcements}");
        var tool = Publish();
        Console.WriteLine($"vestis: {tool}, published from {root}");
        Console.WriteLine($"corpus: {corpus} ({Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Count()} files)");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");

        var cold = Enumerable.Range(0, runs).Select(_ =>
        {
            // Cold: neither the site nor the spare the next build would make its draft from.
            foreach (var folder in new[] { output, Output.SiteDraft.SpareFor(output) })
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            return Build(tool, corpus, output);
        }).ToList();
        var noOp = Build(tool, corpus, output);
        var edited = Directory.EnumerateFiles(Path.Join(corpus, "announcements"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var original = File.ReadAllText(edited);
        Timing edit;
        try
        {
            File.WriteAllText(edited, original + "\nA sentence added for the benchmark.\n");
            edit = Build(tool, corpus, output);
        }
        finally
        {
            File.WriteAllText(edited, original);
        }
        var undo = Build(tool, corpus, output);

        var coldWall = Median(cold.Select(c => c.Seconds));
        var coldRss = Median(cold.Select(c => c.PeakMiB));
        Console.WriteLine();
        Console.WriteLine($"vestis cold    {coldWall,7:0.00} s  {coldRss,6:0} MiB  (runs: {string.Join(", ", cold.Select(c => c.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"vestis no-op   {noOp.Seconds,7:0.00} s  {noOp.PeakMiB,6:0} MiB  {noOp.Summary}");
        Console.WriteLine($"vestis 1 edit  {edit.Seconds,7:0.00} s  {edit.PeakMiB,6:0} MiB  {edit.Summary}");
        Console.WriteLine($"vestis undo    {undo.Seconds,7:0.00} s  {undo.PeakMiB,6:0} MiB  {undo.Summary}  (draft made from the spare)");

        var peerTable = Peers(corpus);
        Console.WriteLine();
        Console.WriteLine($"no-op / cold: {noOp.Seconds / coldWall:0.00} (target ≤ 0.20, and no file written)");
        if (peerTable.TryGetValue("hugo", out var hugo))
            Console.WriteLine($"cold / Hugo:  {coldWall / hugo.Seconds:0.00} (target ≤ 0.25); memory {coldRss:0} MiB against Hugo's {hugo.PeakMiB:0} MiB (target ≤ 1024)");
        if (peerTable.TryGetValue("cp-output", out var copy))
            Console.WriteLine($"cold / cp -r: {coldWall / copy.Seconds:0.00} (target ≤ 3)");
        return 0;
    }

    /// <summary>The corpus of this many announcements from ../shared/bench/make-corpus.py, made in <paramref name="work"/> the first time.</summary>
    public static string Corpus(string work, int announcements)
    {
        var corpus = Path.Join(work, $"corpus-{announcements}");
        if (File.Exists(Path.Join(corpus, "site.yml"))) return corpus;
        Run("python3", [Path.Join(SharedBench(), "make-corpus.py"), "--out", corpus, "--announcements", announcements.ToString(CultureInfo.InvariantCulture)], null);
        return corpus;
    }

    /// <summary>
    /// The generator published as a site runs it (README, "Publishing the tool"), into the work folder with its own
    /// artifacts folder, so that the checkout's bin and obj folders stay as they were.
    /// </summary>
    private string Publish()
    {
        var published = Path.Join(work, "vestis");
        Run("dotnet", ["publish", Path.Join(root, "generator"), "-c", "Release", "-o", published, "--artifacts-path", Path.Join(work, "vestis-artifacts")], null);
        return Path.Join(published, "vestis");
    }

    /// <summary>One build by the real command line in a process of its own, its wall time and peak memory taken by /usr/bin/time.</summary>
    private Timing Build(string tool, string corpus, string output)
    {
        var (stdout, stderr) = Run("/usr/bin/time", ["-f", "%e %M", tool, "build", "--content", corpus,
            "--templates", Path.Join(root, "templates"), "--output", output, "--today", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], null);
        var measured = stderr.TrimEnd().Split('\n')[^1].Split(' ');
        var summary = stdout.Split('\n').LastOrDefault(l => l.StartsWith("built ", StringComparison.Ordinal)) ?? "";
        var changes = Changes().Match(summary);
        return new Timing(double.Parse(measured[0], CultureInfo.InvariantCulture), double.Parse(measured[1], CultureInfo.InvariantCulture) / 1024,
            changes.Success ? changes.Value : summary);
    }

    /// <summary>The peers' table from run-peers.sh, printed as it comes, by the name in its first column.</summary>
    private Dictionary<string, Timing> Peers(string corpus)
    {
        // The peers write their output into the work folder too: on the same file system as ours, as the ratios assume.
        var environment = new Dictionary<string, string>
        {
            ["PEERS"] = peers, ["RUNS"] = runs.ToString(CultureInfo.InvariantCulture), ["OUT_BASE"] = Path.GetFullPath(work),
        };
        var (stdout, _) = Run("bash", [Path.Join(SharedBench(), "run-peers.sh"), corpus], environment);
        Console.WriteLine();
        Console.Write(stdout);
        var table = new Dictionary<string, Timing>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length >= 5 && double.TryParse(columns[2], CultureInfo.InvariantCulture, out var seconds)
                && double.TryParse(columns[4], CultureInfo.InvariantCulture, out var mib))
                table[columns[0]] = new Timing(seconds, mib, "");
        }
        return table;
    }

    private static (string Stdout, string Stderr) Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{stderr.Result}");
        return (stdout, stderr.Result);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "Vestis.sln"))) return dir.FullName;
        throw new InvalidOperationException("run the benchmark from the repository (no Vestis.sln above it)");
    }

    [GeneratedRegex(@"\d+ written, \d+ unchanged, \d+ removed")]
    private static partial Regex Changes();

    private sealed record Timing(double Seconds, double PeakMiB, string Summary);
}
