using System.Runtime.CompilerServices;

namespace Vestis.Diagnostics;

/// <summary>
/// What a step made from an instance, kept with the problems the step found for as long as the instance lives,
/// so that a later run (<c>serve</c>'s next rebuild) takes both instead of doing the step again. A file that has
/// not changed loads as the very same instance, and so does everything made only from such instances: the
/// instance is the key, and the step's other inputs, compared by identity too, must be the same as well.
/// </summary>
/// <remarks>The step gets what it works on as a state, so that a run over thousands of items makes no closure for each.</remarks>
public sealed class MadeFrom<TSource> where TSource : class
{
    private sealed record Entry(object?[] Others, object? Result, Diagnostic[] Diagnostics);

    private readonly ConditionalWeakTable<TSource, Entry> entries = new();

    public T? Get<TState, T>(TSource source, object?[] others, TState state, Func<TState, DiagnosticBag, T?> make, DiagnosticBag diagnostics) where T : class
    {
        if (!TryGet(source, others, out var entry))
        {
            var found = new DiagnosticBag();
            entry = Keep(source, others, make(state, found), [.. found.Sorted()]);
        }
        foreach (var diagnostic in entry.Diagnostics) diagnostics.Add(diagnostic);
        return (T?)entry.Result;
    }

    /// <summary>The same for a step that finds no problems.</summary>
    public T Get<TState, T>(TSource source, object?[] others, TState state, Func<TState, T> make) where T : class =>
        (T)(TryGet(source, others, out var entry) ? entry : Keep(source, others, make(state), [])).Result!;

    private bool TryGet(TSource source, object?[] others, out Entry entry) =>
        entries.TryGetValue(source, out entry!) && SameInputs.Same(entry.Others, others);

    private Entry Keep(TSource source, object?[] others, object? result, Diagnostic[] diagnostics)
    {
        var entry = new Entry(others, result, diagnostics);
        entries.AddOrUpdate(source, entry);
        return entry;
    }
}
