using System.Collections.Concurrent;
using System.Diagnostics;
using Vestis.Audit;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Markdown;
using Vestis.Templating;

namespace Vestis.Serving;

/// <summary>A file as <c>serve</c> answers with it, and the problems found while making it.</summary>
public sealed record ServedFile(string Path, byte[] Content, IReadOnlyList<Diagnostic> Problems);

/// <summary>
/// One build of the site held in memory: what every stage up to the plan found, and each file made the
/// first time it is asked for (then kept). Pages are made and audited on demand, so a rebuild after an
/// edit costs the stages before the plan and the pages a browser actually looks at.
/// </summary>
/// <param name="timings">How long each stage of the rebuild took.</param>
/// <param name="previous">The snapshot this one follows, whose index of files by path it may start from.</param>
/// <param name="madeWithProblems">Told once of each file whose making found problems.</param>
public sealed class SiteSnapshot(int generation, IReadOnlyList<Diagnostic> diagnostics, PlannedSite? planned, long milliseconds,
    IReadOnlyList<(string Stage, long Milliseconds)> timings, SiteSnapshot? previous = null, Action<ServedFile>? madeWithProblems = null)
{
    private readonly IReadOnlyList<PlannedFile> plan = planned?.Files ?? [];

    private readonly Dictionary<string, PlannedFile> files = Index(planned?.Files ?? [], previous);

    private readonly ConcurrentDictionary<string, Lazy<ServedFile>> made = new(StringComparer.Ordinal);

    public int Generation => generation;

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    public bool Failed => planned is null || diagnostics.Any(d => d.Severity == Severity.Error);

    public long Milliseconds => milliseconds;

    public IReadOnlyList<(string Stage, long Milliseconds)> Timings => timings;

    public int FileCount => files.Count;

    public bool Has(string path) => files.ContainsKey(path);

    /// <summary>The file at <paramref name="path"/> (relative to the output folder), made now if it was not yet; null if the site has none.</summary>
    public ServedFile? Get(string path) =>
        files.TryGetValue(path, out var planned) ? made.GetOrAdd(path, _ => new Lazy<ServedFile>(() => Make(planned))).Value : null;

    /// <summary>
    /// The planned files by path. After most edits the plan lists the same paths in the same order as the one
    /// before, with new files for what changed only: then the index before is copied and those are put in.
    /// </summary>
    private static Dictionary<string, PlannedFile> Index(IReadOnlyList<PlannedFile> plan, SiteSnapshot? previous)
    {
        if (previous?.plan is not { } before || before.Count != plan.Count) return plan.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var index = new Dictionary<string, PlannedFile>(previous.files, StringComparer.Ordinal);
        for (var i = 0; i < plan.Count; i++)
        {
            if (ReferenceEquals(plan[i], before[i])) continue;
            if (plan[i].Path != before[i].Path) return plan.ToDictionary(f => f.Path, StringComparer.Ordinal);
            index[plan[i].Path] = plan[i];
        }
        return index;
    }

    private ServedFile Make(PlannedFile file)
    {
        var problems = new DiagnosticBag();
        var output = planned!.Make(file, problems);
        var content = output.Content ?? File.ReadAllBytes(output.CopyFrom!);
        if (!problems.HasErrors && planned.Page(file, output) is { } page)
            new PageAuditor(planned.Templates, problems, planned.Site.Settings.BaseUrl).Audit([page]);
        var served = new ServedFile(file.Path, content, problems.Sorted());
        if (served.Problems.Count > 0) madeWithProblems?.Invoke(served);
        return served;
    }
}

/// <summary>
/// The site <c>serve</c> shows: rebuilt into memory on every change, taking unchanged files and Markdown
/// bodies from the previous build. Drafts and announcements dated in the future are shown, marked.
/// </summary>
/// <param name="madeWithProblems">Told once of each page whose making or audit found problems.</param>
public sealed class LiveSite(BuildOptions options, Action<ServedFile>? madeWithProblems = null)
{
    private readonly EarlierBuild earlier = new();
    private volatile SiteSnapshot current = new(0, [], null, 0, []);

    // Whether the last rebuild loaded the content folder, so that the next may look only at what changed since.
    private bool loaded;

    public SiteSnapshot Current => current;

    /// <summary>The path the site lives under (<c>baseUrl</c>'s path), as the last build that read it said.</summary>
    public string Root { get; private set; } = "/";

    /// <summary>Builds the site again; one rebuild at a time.</summary>
    /// <param name="changed">The paths changed since the last rebuild, as the watcher saw them; null when not known (then all are looked at).</param>
    public SiteSnapshot Rebuild(IReadOnlyCollection<string>? changed = null)
    {
        lock (earlier)
        {
            var clock = Stopwatch.StartNew();
            var diagnostics = new DiagnosticBag();
            var stages = new StageClock(BuildProgress.None);
            earlier.Changed = loaded ? changed : null;
            loaded = false;
            var exists = Directory.Exists(options.ContentDirectory);
            var planned = exists
                ? SiteBuilder.Plan(options with { IncludeDrafts = true, IncludeFuture = true }, diagnostics, stages, earlier)
                : Missing(diagnostics);
            loaded = exists;
            Root = planned?.Site.Settings.BaseUrl.AbsolutePath ?? Root;
            current = new SiteSnapshot(current.Generation + 1, diagnostics.Sorted(), planned, clock.ElapsedMilliseconds, stages.Timings, current, madeWithProblems);
            return current;
        }
    }

    /// <summary>
    /// Collects the garbage of the rebuild that made <paramref name="generation"/>, unless another has been made
    /// since. The whole site is in memory, so a collection takes a while; made between rebuilds, it does not
    /// fall in the next one, whose garbage then fits in the young generation.
    /// </summary>
    public void CollectGarbage(int generation)
    {
        lock (earlier)
            if (current.Generation == generation) GC.Collect(1);
    }

    private PlannedSite? Missing(DiagnosticBag diagnostics)
    {
        diagnostics.Add(ContentLoader.MissingFolder(options.ContentDirectory));
        return null;
    }
}
