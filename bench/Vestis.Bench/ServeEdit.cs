using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Vestis.Serving;

namespace Vestis.Bench;

/// <summary>
/// An edit while <c>serve</c> runs, timed as an author sees it: a copy of the corpus is served from memory
/// (watcher, HTTP and reload events included), one announcement's body is changed at a time, and the clock
/// runs from the file's write until the page with the new text has been served. The process's CPU time
/// meanwhile (steadier than wall time on a shared machine), each rebuild's stages, the garbage collector's
/// pauses and what was allocated are printed beside it.
/// </summary>
internal sealed partial class ServeEdit(string corpus, int runs, string work)
{
    private static readonly TimeSpan BetweenEdits = TimeSpan.FromSeconds(2);

    public async Task<int> Run()
    {
        var content = Path.Join(work, "serve-content");
        if (Directory.Exists(content)) Directory.Delete(content, recursive: true);
        Copy(corpus, content);
        var options = new BuildOptions(content, Path.Join(WholeBuild.RepositoryRoot(), "templates"), null, true, WholeBuild.Today, Environment.ProcessorCount);
        var started = Stopwatch.StartNew();
        await using var server = await DevServer.StartAsync(options, 0, TextWriter.Null, CancellationToken.None);
        Console.WriteLine($"corpus: {corpus}; first build {started.ElapsedMilliseconds} ms, {server.Current.FileCount} files");
        using var http = new HttpClient { BaseAddress = server.Address };
        using var events = new StreamReader(await http.GetStreamAsync("/__vestis/events"));
        await events.ReadLineAsync();
        await events.ReadLineAsync();

        // The first edit warms the code paths up and is not counted.
        var edits = Editable(content).Take(runs + 1).ToList();
        var results = new List<(double Total, double Cpu, double Rebuild, double Page, double GcPause, double AllocatedMb, IReadOnlyList<(string Stage, long Milliseconds)> Stages)>();
        using var process = Process.GetCurrentProcess();
        foreach (var (file, url) in edits)
        {
            // An author's saves are seconds apart; the server uses the quiet for its housekeeping.
            await Task.Delay(BetweenEdits);
            var marker = $"Edited for the benchmark at {DateTime.UtcNow.Ticks}.";
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var pause = GC.GetTotalPauseDuration();
            var allocated = GC.GetTotalAllocatedBytes();
            var clock = Stopwatch.StartNew();
            File.AppendAllText(file, $"\n{marker}\n");
            string page;
            double notified;
            do
            {
                await events.ReadLineAsync();
                await events.ReadLineAsync();
                notified = clock.Elapsed.TotalMilliseconds;
                page = await http.GetStringAsync(url);
            }
            while (!page.Contains(marker, StringComparison.Ordinal));
            var total = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            var gcPause = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
            var allocatedMb = (GC.GetTotalAllocatedBytes() - allocated) / 1e6;
            var snapshot = server.Current;
            if (file != edits[0].File) results.Add((total, cpuMs, snapshot.Milliseconds, total - notified, gcPause, allocatedMb, snapshot.Timings));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(file == edits[0].File ? "warm-up" : "edit"),-8} {total,6:0} ms ({cpuMs:0} ms of CPU): rebuild {snapshot.Milliseconds} ms ({Stages(snapshot.Timings)}), page {total - notified:0} ms, " +
                $"GC pauses {gcPause:0} ms, {allocatedMb:0} MB allocated  {url}"));
        }

        Console.WriteLine();
        Console.WriteLine($"median (min–max) over {results.Count} edits, in ms unless said:");
        Line("write → page served", results.Select(r => r.Total));
        Line("  CPU time meanwhile", results.Select(r => r.Cpu));
        Line("rebuild", results.Select(r => r.Rebuild));
        foreach (var stage in results[0].Stages.Select(s => s.Stage))
            Line("  " + stage, results.Select(r => (double)r.Stages.FirstOrDefault(s => s.Stage == stage).Milliseconds));
        Line("page made and served", results.Select(r => r.Page));
        Line("GC pauses", results.Select(r => r.GcPause));
        Line("MB allocated", results.Select(r => r.AllocatedMb));
        return 0;
    }

    private static void Line(string what, IEnumerable<double> values)
    {
        var list = values.ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-22} {WholeBuild.Median(list),6:0} ({list.Min():0}–{list.Max():0})"));
    }

    private static string Stages(IEnumerable<(string Stage, long Milliseconds)> timings) =>
        string.Join(", ", timings.Select(t => $"{t.Stage} {t.Milliseconds}"));

    /// <summary>Latvian announcements whose address follows from their file name (no <c>slug</c> of their own), one per municipality in turn.</summary>
    private static IEnumerable<(string File, string Url)> Editable(string content) =>
        Directory.GetDirectories(Path.Join(content, "announcements")).Order(StringComparer.Ordinal)
            .Select(folder => Directory.GetFiles(folder, "*.lv.md").Order(StringComparer.Ordinal)
                .Where(f => DatedName().IsMatch(Path.GetFileName(f)) && !File.ReadAllText(f).Contains("\nslug:", StringComparison.Ordinal))
                .Select(f => (Folder: folder, File: f)).ToList())
            .SelectMany(files => files.Select((f, i) => (Turn: i, f.Folder, f.File)))
            .OrderBy(f => f.Turn).ThenBy(f => f.Folder, StringComparer.Ordinal)
            .Select(f =>
            {
                var name = DatedName().Match(Path.GetFileName(f.File));
                return (f.File, $"/lv/{Path.GetFileName(f.Folder)}/{name.Groups[1].Value}/{name.Groups[2].Value}/");
            });

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Join(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) Copy(folder, Path.Join(to, Path.GetFileName(folder)));
    }

    [GeneratedRegex(@"^(\d{4})-\d{2}-\d{2}-(.+)\.lv\.md$")]
    private static partial Regex DatedName();
}
