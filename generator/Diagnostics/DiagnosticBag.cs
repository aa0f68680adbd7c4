using System.Collections.Concurrent;

namespace Vestis.Diagnostics;

/// <summary>Collects diagnostics from stages that may run in parallel; reads back in a stable order.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> items = new();
    private int errors;

    public void Error(string code, SourceSpan span, string message) => Add(new Diagnostic(Severity.Error, code, span, message));

    public void Warning(string code, SourceSpan span, string message) => Add(new Diagnostic(Severity.Warning, code, span, message));

    public void Add(Diagnostic diagnostic)
    {
        items.Enqueue(diagnostic);
        if (diagnostic.Severity == Severity.Error) Interlocked.Increment(ref errors);
    }

    public void AddFrom(DiagnosticBag other)
    {
        foreach (var diagnostic in other.items) Add(diagnostic);
    }

    public bool HasErrors => Volatile.Read(ref errors) > 0;

    /// <summary>Each diagnostic once, by place, then code, message and severity.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        var all = items.ToArray();
        Array.Sort(all, Compare);
        var sorted = new List<Diagnostic>(all.Length);
        foreach (var diagnostic in all)
            if (sorted.Count == 0 || !sorted[^1].Equals(diagnostic)) sorted.Add(diagnostic);
        return sorted;
    }

    private static int Compare(Diagnostic a, Diagnostic b)
    {
        var order = string.CompareOrdinal(a.Span.Path, b.Span.Path);
        if (order == 0) order = a.Span.Line.CompareTo(b.Span.Line);
        if (order == 0) order = a.Span.Column.CompareTo(b.Span.Column);
        if (order == 0) order = string.CompareOrdinal(a.Code, b.Code);
        if (order == 0) order = string.CompareOrdinal(a.Message, b.Message);
        return order != 0 ? order : a.Severity.CompareTo(b.Severity);
    }
}
