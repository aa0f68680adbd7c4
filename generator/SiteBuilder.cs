using System.Collections.Concurrent;
using System.Runtime;
using Vestis.Audit;
using Vestis.Diagnostics;
using Vestis.I18n;
using Vestis.Loading;
using Vestis.Markdown;
using Vestis.Model;
using Vestis.Output;
using Vestis.Publicity;
using Vestis.Templating;
using Vestis.Validation;

namespace Vestis;

/// <param name="OutputDirectory">Where to write the site; null to check only.</param>
/// <param name="IncludeFuture">Show announcements dated after <paramref name="Today"/> (a preview while serving).</param>
public sealed record BuildOptions(
    string ContentDirectory,
    string TemplatesDirectory,
    string? OutputDirectory,
    bool IncludeDrafts,
    DateOnly Today,
    int MaxParallelism,
    bool IncludeFuture = false)
{
    /// <summary>How the stages that work file by file share the cores: <see cref="MaxParallelism"/> at once.</summary>
    public ParallelOptions Workers => new() { MaxDegreeOfParallelism = MaxParallelism };
}

/// <param name="Files">What the site is made of, with each file's kind and language (for the summary).</param>
/// <param name="Written">What the Write stage changed on disk; null when nothing was written.</param>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<SiteFile> Files,
    bool Succeeded,
    IReadOnlyList<(string Stage, long Milliseconds)> Timings,
    WriteSummary? Written = null)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>A file of the site as the build summary counts it.</summary>
/// <param name="Page">Whether it is an HTML page made from a layout.</param>
public sealed record SiteFile(string Path, string Kind, string? Language, bool Page);

/// <summary>The site as planned: every file known by its path, and what its files are made from.</summary>
public sealed class PlannedSite(SiteModel site, TemplateRenderer renderer, IReadOnlyDictionary<string, UiStrings> ui, RenderedBodies bodies,
    IReadOnlyList<PlannedFile> files)
{
    private readonly ConcurrentDictionary<string, ViewFactory> views = new(StringComparer.Ordinal);

    public SiteModel Site => site;

    public TemplateCatalog Templates => renderer.Catalog;

    public RenderedBodies Bodies => bodies;

    public IReadOnlyList<PlannedFile> Files => files;

    internal TemplateRenderer Renderer => renderer;

    internal ViewFactory Views(string language) => views.GetOrAdd(language, l => new ViewFactory(site, l, ui[l], bodies,
        files.Where(f => f.Language == l && f.AboutProject is not null).CountBy(f => f.AboutProject!, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal)));

    public OutputFile Make(PlannedFile file, DiagnosticBag diagnostics) => file.Make(this, diagnostics);

    /// <summary>The same site planned into other files.</summary>
    internal PlannedSite With(IReadOnlyList<PlannedFile> other) => new(site, renderer, ui, bodies, other);

    /// <summary>The page an HTML file is, with what its audit must find; null for other files.</summary>
    public RenderedPage? Page(PlannedFile file, OutputFile made) =>
        file.Template is null ? null : new RenderedPage(made, file.Template,
            file.AboutProject is { } id && Views(file.Language ?? site.Settings.DefaultLanguage).LabelFor(id) is { } label ? new AboutProject(id, label) : null);
}

/// <summary>What a build made that the next build of the same site may take instead of making it again (serve).</summary>
public sealed class EarlierBuild
{
    public SourceCache Sources { get; } = new();

    public CheckedContent Checked { get; } = new();

    /// <summary>Stories of the model, by their first version.</summary>
    public MadeFrom<Announcement> Stories { get; } = new();

    public RenderedBodies? Bodies { get; set; }

    public PlannedParts Files { get; } = new();

    /// <summary>The templates and UI strings, kept while nothing in the templates folder changes.</summary>
    public DiagnosedCache<SameInputs> Templates { get; } = new();

    /// <summary>The paths changed since, as a watcher saw them (files or folders, content or templates); null when not known.</summary>
    public IReadOnlyCollection<string>? Changed { get; set; }

    /// <summary>Stands for the templates folder as last read: replaced whenever something in it may have changed.</summary>
    internal object TemplatesRead { get; private set; } = new();

    /// <summary>Takes note of what <see cref="Changed"/> says about the templates folder.</summary>
    internal void NoteTemplateChanges(string templatesDirectory)
    {
        var root = Path.GetFullPath(templatesDirectory);
        if (Changed is null || Changed.Any(path => !Path.GetRelativePath(root, Path.GetFullPath(path)).StartsWith("..", StringComparison.Ordinal)))
            TemplatesRead = new object();
    }
}

/// <summary>
/// The pipeline: Load → Validate → Model → Render → Audit → Write. After Validate, errors stop the build; Render, Audit
/// and Write run file by file, and errors there leave the previous site in place.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options, BuildProgress? progress = null)
    {
        var diagnostics = new DiagnosticBag();
        var clock = new StageClock(progress ?? BuildProgress.None);
        var output = options.OutputDirectory;
        BuildResult Result(IReadOnlyList<PlannedFile> plan, WriteSummary? written = null) =>
            new(diagnostics.Sorted(), plan.Select(f => f.Describe()).ToList(), !diagnostics.HasErrors && (output is null || written is not null), clock.Timings, written);

        // The inputs are hashed before they are read, so an edit made while the build runs shows in the next build's hash.
        var inputs = output is null ? null : clock.Stage("inputs", () => BuildStamp.InputsOf(options));
        var upToDate = inputs is null ? null : clock.Stage("up-to-date", () => BuildStamp.Read(output!, inputs) is { } stamp && stamp.StillDescribes(inputs, output!) ? stamp : null);
        if (upToDate is not null)
            return new BuildResult(upToDate.Diagnostics, upToDate.Files, true, clock.Timings, new WriteSummary(0, upToDate.Files.Count, 0));

        // The draft's folders are made while the Markdown bodies are rendered: on a disk, making a large site's tens of
        // thousands of folders takes the kernel seconds, one after another, and the workers' other core would be idle.
        // A build given one thread makes them first.
        Task<SiteDraft?>? drafting = null;
        SiteDraft? Begin(IReadOnlyList<PlannedFile> files) =>
            new OutputWriter(output!, [options.ContentDirectory, options.TemplatesDirectory], diagnostics).Begin(files.Select(f => f.Path).ToList());
        var planned = Plan(options, diagnostics, clock, planned: files => drafting = output is null ? null
            : options.MaxParallelism > 1 ? Task.Run(() => Begin(files)) : Task.FromResult(Begin(files)));
        var draft = drafting is null ? null : clock.Stage("draft", () => drafting.GetAwaiter().GetResult());
        if (planned is null) return Result([]);
        if (output is not null && draft is null) return Result(planned.Files);

        // The garbage of the Markdown stage and the plan goes before the pages add theirs.
        clock.Stage("collect", CollectGarbage);
        var auditor = new PageAuditor(planned.Templates, diagnostics, planned.Site.Settings.BaseUrl);
        clock.Stage("pages", () =>
        {
            clock.Progress.Count(planned.Files.Count, "files");
            MakePages(planned, auditor, draft, diagnostics, options.Workers, clock.Progress.Advance);
            auditor.Report();
        });
        if (draft is null) return Result(planned.Files);
        if (diagnostics.HasErrors)
        {
            draft.Discard();
            return Result(planned.Files);
        }
        BuildStamp.Forget(output!);
        var result = Result(planned.Files, clock.Stage("write", draft.Commit));
        if (result.Succeeded && inputs is not null) BuildStamp.Write(output!, inputs, result.Files, draft.States, result.Diagnostics);
        return result;
    }

    /// <summary>
    /// Render → Audit → Write, file by file in parallel: each file is made, audited if it is a page, and handed to the
    /// draft of the next site, so no more than a few files are held in memory at once. A file whose making failed is
    /// neither audited nor written, and once anything has failed nothing more is written: the draft will be discarded.
    /// </summary>
    private static void MakePages(PlannedSite planned, PageAuditor auditor, SiteDraft? draft, DiagnosticBag diagnostics,
        ParallelOptions workers, Action madeOne)
    {
        var failed = 0;
        Parallel.ForEach(MakingOrder(planned.Files), workers, file =>
        {
            var problems = new DiagnosticBag();
            var made = planned.Make(file, problems);
            diagnostics.AddFrom(problems);
            if (problems.HasErrors) Volatile.Write(ref failed, 1);
            else if (planned.Page(file, made) is { } page) auditor.Check(page);
            if (Volatile.Read(ref failed) == 0) draft?.Add(made);
            madeOne();
        });
    }

    /// <summary>
    /// The files in the order the workers take them: those made from the whole site first, then the rest as planned. Each
    /// worker takes a stretch of the list and ends with its end; planned after each language's pages and at the end of
    /// the plan, the whole-site files were the last each worker made, the build ending with one worker on them and the
    /// other idle.
    /// </summary>
    internal static List<PlannedFile> MakingOrder(IReadOnlyList<PlannedFile> files) =>
        [.. files.Where(f => f.WholeSite), .. files.Where(f => !f.WholeSite)];

    /// <summary>
    /// Everything before the pages are made: Load, Validate, Model, the Markdown bodies and the plan of
    /// every file. Null when errors stop the build.
    /// </summary>
    /// <param name="earlier">What an earlier build of the same site made, reused where its inputs are unchanged, and updated.</param>
    /// <param name="planned">Told the site's files as soon as they are planned, before the Markdown bodies are rendered.</param>
    public static PlannedSite? Plan(BuildOptions options, DiagnosticBag diagnostics, StageClock clock, EarlierBuild? earlier = null,
        Action<IReadOnlyList<PlannedFile>>? planned = null)
    {
        earlier?.NoteTemplateChanges(options.TemplatesDirectory);
        T? Kept<T>(string key, Func<object?[]> inputs, Func<DiagnosticBag, T?> make) where T : class =>
            earlier is null ? make(diagnostics) : earlier.Templates.Get(key, new SameInputs(inputs()), diagnostics, make);

        var validated = LoadAndValidate(options, diagnostics, clock, earlier);
        // Every file's YAML tree has just become garbage: in a cold build of a large site, most of the heap. Serving skips
        // this collection: its rebuilds must be quick, and free little.
        if (earlier is null) clock.Stage("collect", CollectGarbage);
        var content = validated?.Content;
        var templates = clock.Stage("templates", () => Kept("templates", () => [earlier!.TemplatesRead],
            found => new TemplateRenderer(TemplateCatalog.Load(options.TemplatesDirectory, found))))!;
        if (content is null || diagnostics.HasErrors) return null;

        var ui = Kept("ui", () => [earlier!.TemplatesRead, content.Settings.Languages], found => UiStrings.Load(options.TemplatesDirectory, content.Settings, found));
        if (ui is null) return null;
        var site = clock.Stage("model", () => new SiteModelBuilder(options.Today, options.IncludeDrafts, options.IncludeFuture, earlier?.Stories).Build(content));
        clock.Stage("publicity", () => PublicityChecks.Check(site, diagnostics));
        var plan = clock.Stage("plan", () => SiteRenderer.Plan(site, options.TemplatesDirectory, earlier?.Files));
        planned?.Invoke(plan);
        var bodies = clock.Stage("markdown", () => RenderedBodies.Render(site, validated!.Bodies, new MarkdownRenderer(), diagnostics, options.Workers, earlier?.Bodies));
        if (earlier is not null) earlier.Bodies = bodies;
        return new PlannedSite(site, templates, ui, bodies, plan);
    }

    /// <summary>
    /// Collects the whole heap and gives what is free back to the system, where a stage has just left most of a large heap
    /// garbage. Left to its own pace, the collector let the heap grow by about as much again before freeing it: at 50k
    /// announcements the peak was 2.2–2.3 GB with a collection after validation only, and 1.8 GB with this one before the
    /// pages as well (about 1 s each there). A smaller heap is left to the collector: at 10k (150–250 MB then) the two
    /// collections stopped the build for 0.3 s, to keep a peak that is a fraction of the memory allowed.
    /// </summary>
    private static void CollectGarbage()
    {
        if (GC.GetTotalMemory(forceFullCollection: false) < LargeHeap) return;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private const long LargeHeap = 512L << 20;

    // A method of its own, so that the sources, with every file's YAML tree, are garbage once validated
    // rather than held by the closures of the stages after; so are the Markdown bodies, once rendered.
    private static ValidatedContent? LoadAndValidate(BuildOptions options, DiagnosticBag diagnostics, StageClock clock, EarlierBuild? earlier)
    {
        var sources = clock.Stage("load", () => new ContentLoader(options.ContentDirectory, diagnostics, earlier?.Sources, earlier?.Changed, options.Workers).Load());
        return clock.Stage("validate", () => new ContentValidator(diagnostics, earlier?.Checked, options.Workers).Validate(sources));
    }
}
