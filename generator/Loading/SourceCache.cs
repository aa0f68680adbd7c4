using Vestis.Diagnostics;

namespace Vestis.Loading;

/// <summary>
/// What earlier loads made of each file, kept while the file is unchanged on disk (same length and time of
/// last change), so that <c>serve</c> reads again only the files an edit touched; and the folder's files as
/// last listed, so that it need not walk the folder when the watcher says what changed.
/// </summary>
public sealed class SourceCache
{
    private readonly DiagnosedCache<(DateTime Changed, long Length)> entries = new();

    /// <summary>The files the last load found; null when the next load must walk the folder.</summary>
    public FileListing? Listing { get; set; }

    /// <summary>What <paramref name="read"/> makes of the file at <paramref name="relative"/>, or what it made before while the file is unchanged.</summary>
    /// <param name="changed">
    /// Whether the file changed since it was read, as the watcher says: if not, it is taken without looking at the disk;
    /// if so, it is read again, whatever its length and time. Null when not known: then its length and time tell.
    /// </param>
    public T? Read<T>(string directory, string relative, DiagnosticBag diagnostics, Func<string, DiagnosticBag, T?> read, bool? changed) where T : class
    {
        if (changed == false && entries.TryReuse(relative, diagnostics, out T? kept)) return kept;
        var info = new FileInfo(Path.Join(directory, relative));
        return info.Exists
            ? entries.Get(relative, (info.LastWriteTimeUtc, info.Length), diagnostics, found => read(relative, found), again: changed == true)
            : read(relative, diagnostics);
    }
}
