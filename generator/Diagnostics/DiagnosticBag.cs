using System.Collections.Concurrent;

namespace Vestis.Diagnostics;

/// <summary>Collects diagnostics from stages that may run in parallel; reads back in a stable order.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> items = new();

    public void Error(string code, SourceSpan span, string message) =>
        items.Enqueue(new Diagnostic(Severity.Error, code, span, message));

    public void Warning(string code, SourceSpan span, string message) =>
        items.Enqueue(new Diagnostic(Severity.Warning, code, span, message));

    public void Add(Diagnostic diagnostic) => items.Enqueue(diagnostic);

    public void AddFrom(DiagnosticBag other)
    {
        foreach (var diagnostic in other.items) items.Enqueue(diagnostic);
    }

    public bool HasErrors => items.Any(d => d.Severity == Severity.Error);

    public IReadOnlyList<Diagnostic> Sorted() =>
        items.Distinct()
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
