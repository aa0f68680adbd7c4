using System.Diagnostics;
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
public sealed record BuildOptions(
    string ContentDirectory,
    string TemplatesDirectory,
    string? OutputDirectory,
    bool IncludeDrafts,
    DateOnly Today,
    int MaxParallelism);

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<OutputFile> Files, bool Succeeded, IReadOnlyList<(string Stage, long Milliseconds)> Timings)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>The pipeline: Load → Validate → Model → Render → Audit → Write. After Validate, errors stop the build.</summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new List<(string, long)>();
        var clock = Stopwatch.StartNew();
        T Stage<T>(string name, Func<T> run)
        {
            var result = run();
            timings.Add((name, clock.ElapsedMilliseconds));
            clock.Restart();
            return result;
        }
        BuildResult Result(IReadOnlyList<OutputFile> files, bool done) =>
            new(diagnostics.Sorted(), files, done && !diagnostics.HasErrors, timings);

        var sources = Stage("load", () => new ContentLoader(options.ContentDirectory, diagnostics).Load());
        var content = Stage("validate", () => new ContentValidator(diagnostics).Validate(sources));
        var templates = Stage("templates", () => TemplateCatalog.Load(options.TemplatesDirectory, diagnostics));
        if (content is null || diagnostics.HasErrors) return Result([], false);

        var ui = UiStrings.Load(options.TemplatesDirectory, content.Settings, diagnostics);
        if (ui is null) return Result([], false);
        var site = Stage("model", () => new SiteModelBuilder(options.Today, options.IncludeDrafts).Build(content));
        Stage("publicity", () => { PublicityChecks.Check(site, diagnostics); return site; });
        var rendered = Stage("render", () =>
        {
            var bodies = RenderedBodies.Render(site, new MarkdownRenderer(), diagnostics, options.MaxParallelism);
            var plan = new SiteRenderer(templates, ui, options.TemplatesDirectory, diagnostics).Plan(site, bodies);
            return SiteRenderer.Render(plan, options.MaxParallelism);
        });
        var files = rendered.Files;
        if (diagnostics.HasErrors) return Result(files, false);
        Stage("audit", () => { new PageAuditor(templates, diagnostics, options.MaxParallelism).Audit(rendered.Pages); return rendered; });
        if (diagnostics.HasErrors || options.OutputDirectory is null) return Result(files, !diagnostics.HasErrors);

        var written = Stage("write", () => new OutputWriter(options.OutputDirectory, diagnostics, options.MaxParallelism).Write(files));
        return Result(files, written);
    }
}
