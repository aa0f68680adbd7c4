using Vestis.Diagnostics;

namespace Vestis.Loading;

/// <summary>
/// What earlier loads made of each file, kept while the file is unchanged on disk (same length and time of
/// last change), so that <c>serve</c> reads again only the files an edit touched.
/// </summary>
public sealed class SourceCache
{
    private readonly DiagnosedCache<(DateTime Changed, long Length)> entries = new();

    public T? Read<T>(string fullPath, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> read) where T : class
    {
        var info = new FileInfo(fullPath);
        return info.Exists ? entries.Get(fullPath, (info.LastWriteTimeUtc, info.Length), diagnostics, read) : read(diagnostics);
    }
}
