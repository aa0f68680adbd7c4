using Vestis.Diagnostics;

namespace Vestis.Output;

/// <summary>
/// The next site, written file by file into a temporary folder beside the output folder while the build makes
/// it, then swapped in whole (<see cref="Commit"/>) or thrown away (<see cref="Discard"/>). Files are given as
/// they are made, so a build never holds the whole site in memory.
/// </summary>
public sealed class SiteDraft
{
    private readonly string outputDirectory;
    private readonly string target;
    private readonly string parent;
    private readonly string name;
    private readonly string temp;
    private readonly string old;
    private readonly IReadOnlyList<string> paths;
    private readonly DiagnosticBag diagnostics;
    private int unchanged;
    private volatile Exception? failure;

    internal SiteDraft(string outputDirectory, string target, string parent, IReadOnlyList<string> paths, DiagnosticBag diagnostics)
    {
        this.outputDirectory = outputDirectory;
        this.target = target;
        this.parent = parent;
        this.paths = paths;
        this.diagnostics = diagnostics;
        name = Path.GetFileName(target);
        temp = Path.Join(parent, $".{name}.tmp-{Environment.ProcessId}");
        old = Path.Join(parent, $".{name}.old-{Environment.ProcessId}");
    }

    /// <summary>Makes the temporary folder and every folder the site needs; false when the file system refused (reported).</summary>
    internal bool Start()
    {
        Try(() =>
        {
            Directory.CreateDirectory(parent);
            RecoverFromInterruptedBuilds();
            Directory.CreateDirectory(temp);
            foreach (var folder in paths.Select(p => Path.GetDirectoryName(Path.Join(temp, p))!).Distinct())
                Directory.CreateDirectory(folder);
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
            if (SameAsBefore(before, file))
            {
                Interlocked.Increment(ref unchanged);
                // The same bytes: share the previous file's data instead of writing it again.
                if (HardLinks.TryLink(before, path)) return;
            }
            if (file.Content is not null) WriteNew(path, file.Content);
            else File.Copy(file.CopyFrom!, path);
        });
    }

    // The draft folder is new, so every file in it is created, never truncated. File.WriteAllBytes truncates the
    // file it opens, and ext4 writes a truncated file out to disk as it is closed, a guard for files rewritten in
    // place: at 10k announcements that was 5 s of the build's CPU time, in the kernel.
    private static void WriteNew(string path, byte[] content)
    {
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(file, content, 0);
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
                // The previous site is now under the temporary name; what cannot be removed now, the next build removes.
                TryDelete(temp);
            }
            else
            {
                if (Directory.Exists(target)) Directory.Move(target, old);
                Directory.Move(temp, target);
                if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
            }
        });
        if (!swapped)
        {
            Report();
            Discard();
            return null;
        }
        return new WriteSummary(paths.Count - unchanged, unchanged, removed);
    }

    /// <summary>Throws the written files away, leaving the previous site as it was.</summary>
    public void Discard()
    {
        TryDelete(temp);
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

    private static bool SameAsBefore(string before, OutputFile file)
    {
        var old = new FileInfo(before);
        if (!old.Exists || old.Length != (file.Content?.LongLength ?? new FileInfo(file.CopyFrom!).Length)) return false;
        if (file.Content is not null) return File.ReadAllBytes(before).AsSpan().SequenceEqual(file.Content);
        // A copied file may be a large attachment: compare it piece by piece rather than hold both in memory.
        using var previous = File.OpenRead(before);
        using var source = File.OpenRead(file.CopyFrom!);
        var a = new byte[81920];
        var b = new byte[a.Length];
        int read;
        while ((read = previous.ReadAtLeast(a, a.Length, throwOnEndOfStream: false)) > 0)
            if (source.ReadAtLeast(b, read, throwOnEndOfStream: false) != read || !a.AsSpan(0, read).SequenceEqual(b.AsSpan(0, read))) return false;
        return true;
    }

    private int RemovedFiles()
    {
        var kept = paths.ToHashSet(StringComparer.Ordinal);
        return Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
            .Count(f => !kept.Contains(Path.GetRelativePath(target, f).Replace('\\', '/')));
    }

    // A build killed between its two renames leaves the old site under its temporary name: put it back,
    // then drop what killed builds left behind.
    private void RecoverFromInterruptedBuilds()
    {
        foreach (var leftover in Directory.EnumerateDirectories(parent, $".{name}.old-*").Order(StringComparer.Ordinal))
        {
            if (!Directory.Exists(target)) Directory.Move(leftover, target);
            else TryDelete(leftover);
        }
        foreach (var leftover in Directory.EnumerateDirectories(parent, $".{name}.tmp-*"))
            TryDelete(leftover);
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
