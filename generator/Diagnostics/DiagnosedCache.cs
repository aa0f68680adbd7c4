using System.Collections.Concurrent;

namespace Vestis.Diagnostics;

/// <summary>
/// Results of a step kept with the problems the step found, so that a later run takes both instead of
/// doing the step again while its input is the same (<c>serve</c> redoes only what an edit touched).
/// </summary>
/// <typeparam name="TStamp">What the result depends on; an entry whose stamp differs is made again.</typeparam>
public sealed class DiagnosedCache<TStamp>
{
    private sealed record Entry(TStamp Stamp, object? Result, Diagnostic[] Diagnostics);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <param name="again">Make it again even if the stamp is the same (the input is known to have changed).</param>
    public T? Get<T>(string key, TStamp stamp, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> make, bool again = false) where T : class
    {
        if (again || !entries.TryGetValue(key, out var entry) || !EqualityComparer<TStamp>.Default.Equals(entry.Stamp, stamp))
        {
            var found = new DiagnosticBag();
            entry = new Entry(stamp, make(found), [.. found.Sorted()]);
            entries[key] = entry;
        }
        foreach (var diagnostic in entry.Diagnostics) diagnostics.Add(diagnostic);
        return (T?)entry.Result;
    }

    /// <summary>The result kept for <paramref name="key"/> whatever its stamp, its problems added to <paramref name="diagnostics"/>; false when none is kept.</summary>
    public bool TryReuse<T>(string key, DiagnosticBag diagnostics, out T? result) where T : class
    {
        result = null;
        if (!entries.TryGetValue(key, out var entry)) return false;
        foreach (var diagnostic in entry.Diagnostics) diagnostics.Add(diagnostic);
        result = (T?)entry.Result;
        return true;
    }
}
