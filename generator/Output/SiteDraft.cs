using System.Collections.Concurrent;
using Vestis.Diagnostics;

namespace Vestis.Output;

/// <summary>
/// The next site, written file by file into a temporary folder beside the output folder while the build makes
/// it, then swapped in whole (<see cref="Commit"/>) or thrown away (<see cref="Discard"/>). Files are given as
/// they are made, so a build never holds the whole site in memory.
/// </summary>
/// <remarks>
/// The site a build replaces is kept beside the output folder as the spare (<c>.NAME.spare</c>), and the next
/// build makes its draft out of it: on a slow disk, creating and deleting a large site's tens of thousands of
/// folders and names took longer than making its pages. A file in the spare is kept only where it is the very
/// file the site holds now (same bytes, same time), so a file keeps its time exactly while its bytes stay the same.
/// </remarks>
public sealed class SiteDraft
{
    private readonly string outputDirectory;
    private readonly string target;
    private readonly string parent;
    private readonly string name;
    private readonly string temp;
    private readonly string old;
    private readonly string spare;
    // The site's files by path, and every folder that holds one (below the site's own): what the draft keeps.
    private readonly HashSet<string> files;
    private readonly HashSet<string> folders;
    private readonly DiagnosticBag diagnostics;
    private readonly ConcurrentDictionary<string, FileState> states = new(StringComparer.Ordinal);
    private int unchanged;
    // Whether the draft began as the spare, holding an earlier site's files rather than nothing.
    private bool fromSpare;
    private volatile Exception? failure;

    internal SiteDraft(string outputDirectory, string target, string parent, IReadOnlyList<string> paths, DiagnosticBag diagnostics)
    {
        this.outputDirectory = outputDirectory;
        this.target = target;
        this.parent = parent;
        files = paths.ToHashSet(StringComparer.Ordinal);
        folders = paths.SelectMany(Folders).ToHashSet(StringComparer.Ordinal);
        this.diagnostics = diagnostics;
        name = Path.GetFileName(target);
        temp = Path.Join(parent, $".{name}.tmp-{Environment.ProcessId}");
        old = Path.Join(parent, $".{name}.old-{Environment.ProcessId}");
        spare = SpareFor(target);
    }

    /// <summary>
    /// Each file of the draft by its path, as the file system describes it once written or kept: the build's stamp
    /// records these, where reading a large site's folders again took a third of a second after the pages.
    /// </summary>
    public IReadOnlyDictionary<string, FileState> States => states;

    /// <summary>Where the site that a build into <paramref name="outputDirectory"/> replaces is kept for the next build.</summary>
    internal static string SpareFor(string outputDirectory)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Join(Path.GetDirectoryName(target), $".{Path.GetFileName(target)}.spare");
    }

    /// <summary>Makes the temporary folder and every folder the site needs; false when the file system refused (reported).</summary>
    internal bool Start()
    {
        Try(() =>
        {
            Directory.CreateDirectory(parent);
            RecoverFromInterruptedBuilds();
            fromSpare = TakeSpare();
            if (!fromSpare) Directory.CreateDirectory(temp);
            foreach (var folder in folders)
                Directory.CreateDirectory(Path.Join(temp, folder));
        });
        if (Report()) return true;
        Discard();
        return false;
    }

    /// <summary>Writes one file of the site; safe to call from parallel workers. A file with the same bytes as before is linked, not written.</summary>
    public void Add(OutputFile file)
    {
        if (failure is not null) return;
        Try(() =>
        {
            var path = Path.Join(temp, file.Path);
            var before = Path.Join(target, file.Path);
            var same = SameBytes(before, file);
            if (same) Interlocked.Increment(ref unchanged);
            if (fromSpare)
            {
                if (same && SameFile(path, before, file))
                {
                    Note(file, path);
                    return;
                }
                File.Delete(path);
            }
            // The same bytes: share the previous file's data instead of writing it again.
            if (same && HardLinks.TryLink(before, path)) Note(file, path);
            else if (file.Content is not null) states[file.Path] = WriteNew(path, file.Content);
            else
            {
                File.Copy(file.CopyFrom!, path);
                Note(file, path);
            }
        });
    }

    private void Note(OutputFile file, string path)
    {
        var written = new FileInfo(path);
        states[file.Path] = new FileState(written.Length, written.LastWriteTimeUtc.Ticks);
    }

    // Every file of the draft is created, never truncated (one taken from the spare is deleted first).
    // File.WriteAllBytes truncates the file it opens, and ext4 writes a truncated file out to disk as it is closed,
    // a guard for files rewritten in place: at 10k announcements that was 5 s of the build's CPU time, in the kernel.
    private static FileState WriteNew(string path, byte[] content)
    {
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(file, content, 0);
        return new FileState(content.Length, File.GetLastWriteTimeUtc(file).Ticks);
    }

    /// <summary>Swaps the written site in for the previous one.</summary>
    /// <returns>What changed; null when the site could not be written (reported, and the previous site left as it was).</returns>
    public WriteSummary? Commit()
    {
        var removed = 0;
        var swapped = failure is null && Try(() =>
        {
            removed = Directory.Exists(target) ? RemovedFiles() : 0;
            if (Directory.Exists(target) && FolderExchange.TryExchange(temp, target))
            {
                // The previous site is now under the temporary name.
                KeepAsSpare(temp);
            }
            else
            {
                if (Directory.Exists(target)) Directory.Move(target, old);
                Directory.Move(temp, target);
                if (Directory.Exists(old)) KeepAsSpare(old);
            }
        });
        if (!swapped)
        {
            Report();
            Discard();
            return null;
        }
        return new WriteSummary(files.Count - unchanged, unchanged, removed);
    }

    /// <summary>Leaves the previous site as it was. The written files are kept as the spare, unless the file system refused them (a full disk).</summary>
    public void Discard()
    {
        if (failure is null) KeepAsSpare(temp);
        else TryDelete(temp);
        if (!Directory.Exists(target) && Directory.Exists(old)) Directory.Move(old, target);
    }

    /// <summary>Runs a step, keeping the first thing the file system refused (a full disk, a read-only folder).</summary>
    private bool Try(Action step)
    {
        try
        {
            step();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Interlocked.CompareExchange(ref failure, e, null);
            return false;
        }
    }

    /// <summary>Reports what the file system refused, if anything; true when it refused nothing.</summary>
    private bool Report()
    {
        if (failure is null) return true;
        diagnostics.Error(DiagnosticCodes.OutputError, SourceSpan.File(outputDirectory.Replace('\\', '/')),
            $"cannot write the site: {failure.Message}; the previous output is left as it was");
        return false;
    }

    /// <summary>Whether the spare's file at <paramref name="path"/> is the site's file <paramref name="before"/>, which holds <paramref name="file"/>'s bytes.</summary>
    private static bool SameFile(string path, string before, OutputFile file) =>
        File.GetLastWriteTimeUtc(path) == File.GetLastWriteTimeUtc(before) && SameBytes(path, file);

    // Pieces of the file on disk and of a file to be copied, kept by each worker thread: comparing every file of a
    // site, once with the site's and once with the spare's, allocates nothing.
    [ThreadStatic] private static byte[]? previousPiece, sourcePiece;

    /// <summary>Whether the file at <paramref name="before"/> holds <paramref name="file"/>'s bytes, compared piece by piece (a copied file may be a large attachment).</summary>
    private static bool SameBytes(string before, OutputFile file)
    {
        var old = new FileInfo(before);
        if (!old.Exists || old.Length != (file.Content?.LongLength ?? new FileInfo(file.CopyFrom!).Length)) return false;
        using var previous = File.OpenHandle(before);
        using var source = file.Content is null ? File.OpenHandle(file.CopyFrom!) : null;
        var a = previousPiece ??= new byte[81920];
        var b = sourcePiece ??= new byte[a.Length];
        for (long offset = 0; offset < old.Length;)
        {
            var read = RandomAccess.Read(previous, a, offset);
            var expected = file.Content is { } content
                ? content.AsSpan((int)offset, Math.Min(read, content.Length - (int)offset))
                : b.AsSpan(0, RandomAccess.Read(source!, b.AsSpan(0, read), offset));
            if (read == 0 || !a.AsSpan(0, read).SequenceEqual(expected)) return false;
            offset += read;
        }
        return true;
    }

    private int RemovedFiles() =>
        Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
            .Count(f => !files.Contains(Path.GetRelativePath(target, f).Replace('\\', '/')));

    /// <summary>Makes the spare the draft, without the files and folders the new site does not have; false when there is none to take.</summary>
    private bool TakeSpare()
    {
        if (!Directory.Exists(spare)) return false;
        try
        {
            Directory.Move(spare, temp);
            Prune(temp, "");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Whatever stopped the spare from being used, a draft from nothing still can be.
            TryDelete(temp);
            return false;
        }
    }

    /// <summary>The folders that hold a file of the site at <paramref name="path"/>, below the site's own.</summary>
    private static IEnumerable<string> Folders(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            yield return path[..slash];
    }

    /// <summary>Removes what the site does not have from a folder of the draft: every file not in <see cref="files"/>, every folder not in <see cref="folders"/>.</summary>
    private void Prune(string directory, string relative)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            // A link is never the site's: a build writes files and folders. Only the link goes, not what it leads to.
            if (entry.LinkTarget is not null) entry.Delete();
            else if (entry is DirectoryInfo folder)
            {
                if (folders.Contains(path)) Prune(entry.FullName, path);
                else folder.Delete(recursive: true);
            }
            else if (!files.Contains(path)) entry.Delete();
        }
    }

    /// <summary>Keeps a folder of an earlier site as the spare for the next build, or removes it when that cannot be done.</summary>
    private void KeepAsSpare(string directory)
    {
        TryDelete(spare);
        try
        {
            Directory.Move(directory, spare);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(directory);
        }
    }

    // A build killed between its two renames leaves the old site under its temporary name: put it back. A killed
    // build's draft becomes the spare when there is none; what else killed builds left behind is dropped.
    private void RecoverFromInterruptedBuilds()
    {
        foreach (var leftover in Directory.EnumerateDirectories(parent, $".{name}.old-*").Order(StringComparer.Ordinal))
        {
            if (!Directory.Exists(target)) Directory.Move(leftover, target);
            else TryDelete(leftover);
        }
        foreach (var leftover in Directory.EnumerateDirectories(parent, $".{name}.tmp-*").Order(StringComparer.Ordinal))
        {
            if (!Directory.Exists(spare)) Directory.Move(leftover, spare);
            else TryDelete(leftover);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover that cannot be removed now is removed by the next build.
        }
    }
}
