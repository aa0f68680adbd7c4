using Vestis.Diagnostics;

namespace Vestis.Output;

/// <summary>What a write changed compared with the site it replaced.</summary>
/// <param name="Written">Files that are new or whose bytes changed.</param>
/// <param name="Unchanged">Files with the same bytes as before.</param>
/// <param name="Removed">Files of the previous site that the new one no longer has.</param>
public sealed record WriteSummary(int Written, int Unchanged, int Removed);

/// <summary>
/// The Write stage: writes the whole site into a temporary folder beside the target and swaps it in only
/// when it is complete, so a failed or interrupted build leaves the previous site as it was.
/// </summary>
/// <param name="sources">The folders the site is made from: the output folder may neither hold them nor lie inside them.</param>
public sealed class OutputWriter(string outputDirectory, IReadOnlyList<string> sources, DiagnosticBag diagnostics, int maxParallelism)
{
    /// <param name="wroteOne">Called as each file is written, from parallel workers.</param>
    /// <returns>What changed; null when the site could not be written (reported).</returns>
    public WriteSummary? Write(IReadOnlyList<OutputFile> files, Action? wroteOne = null)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target);
        var source = SourceInTheWay(target);
        if (parent is null || source is not null)
        {
            // The whole output folder is replaced by the new site: anything else in it would be lost.
            diagnostics.Error(DiagnosticCodes.OutputError, SourceSpan.File(outputDirectory.Replace('\\', '/')),
                $"refusing to write the site there: the output folder is replaced as a whole, and {(parent is null ? "this is the root of the file system" : $"it holds or lies inside `{source}`")}; choose a folder of its own");
            return null;
        }
        var name = Path.GetFileName(target);
        var temp = Path.Join(parent, $".{name}.tmp-{Environment.ProcessId}");
        var old = Path.Join(parent, $".{name}.old-{Environment.ProcessId}");
        if (!CheckPaths(files)) return null;
        try
        {
            Directory.CreateDirectory(parent);
            RecoverFromInterruptedBuilds(parent, name, target);
            Directory.CreateDirectory(temp);
            var folders = files.Select(f => Path.GetDirectoryName(Path.Join(temp, f.Path))!).Distinct().ToList();
            foreach (var folder in folders) Directory.CreateDirectory(folder);
            var unchanged = 0;
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, file =>
            {
                var path = Path.Join(temp, file.Path);
                var before = Path.Join(target, file.Path);
                if (SameAsBefore(before, file))
                {
                    Interlocked.Increment(ref unchanged);
                    // The same bytes: share the previous file's data instead of writing it again.
                    if (HardLinks.TryLink(before, path))
                    {
                        wroteOne?.Invoke();
                        return;
                    }
                }
                if (file.Content is not null) File.WriteAllBytes(path, file.Content);
                else File.Copy(file.CopyFrom!, path);
                wroteOne?.Invoke();
            });
            var removed = Directory.Exists(target) ? RemovedFiles(target, files) : 0;
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
            return new WriteSummary(files.Count - unchanged, unchanged, removed);
        }
        catch (Exception e) when (FailedWrite(e) is { } failure)
        {
            diagnostics.Error(DiagnosticCodes.OutputError, SourceSpan.File(outputDirectory.Replace('\\', '/')),
                $"cannot write the site: {failure.Message}; the previous output is left as it was");
            TryDelete(temp);
            if (!Directory.Exists(target) && Directory.Exists(old)) Directory.Move(old, target);
            return null;
        }
    }

    private string? SourceInTheWay(string target)
    {
        var inside = target + Path.DirectorySeparatorChar;
        return sources.FirstOrDefault(source =>
        {
            var full = Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return full.StartsWith(inside, StringComparison.Ordinal) || inside.StartsWith(full, StringComparison.Ordinal);
        });
    }

    /// <summary>What the file system refused (a full disk, a read-only folder), also from inside the parallel writers.</summary>
    private static Exception? FailedWrite(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException all => all.Flatten().InnerExceptions.All(inner => FailedWrite(inner) is not null) ? all.Flatten().InnerExceptions[0] : null,
        _ => null,
    };

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

    private static int RemovedFiles(string target, IReadOnlyList<OutputFile> files)
    {
        var kept = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
            .Count(f => !kept.Contains(Path.GetRelativePath(target, f).Replace('\\', '/')));
    }

    /// <summary>Every output path stays inside the output folder and is written once.</summary>
    private bool CheckPaths(IReadOnlyList<OutputFile> files)
    {
        var ok = true;
        foreach (var group in files.GroupBy(f => f.Path, StringComparer.Ordinal))
        {
            var path = group.Key;
            if (path.Length == 0 || path.StartsWith('/') || path.Split('/').Any(p => p is "" or "." or ".."))
            {
                diagnostics.Error(DiagnosticCodes.OutputError, SourceSpan.File(outputDirectory), $"refusing to write `{path}`: it would leave the output folder");
                ok = false;
            }
            else if (group.Count() > 1)
            {
                diagnostics.Error(DiagnosticCodes.OutputError, SourceSpan.File(outputDirectory), $"two pages would be written to `{path}`");
                ok = false;
            }
        }
        return ok;
    }

    // A build killed between its two renames leaves the old site under its temporary name: put it back,
    // then drop what killed builds left behind.
    private static void RecoverFromInterruptedBuilds(string parent, string name, string target)
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
