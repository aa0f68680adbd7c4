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
public sealed class OutputWriter(string outputDirectory, IReadOnlyList<string> sources, DiagnosticBag diagnostics)
{
    /// <summary>Writes these files as the whole site.</summary>
    /// <returns>What changed; null when the site could not be written (reported).</returns>
    public WriteSummary? Write(IReadOnlyList<OutputFile> files)
    {
        var draft = Begin(files.Select(f => f.Path).ToList());
        if (draft is null) return null;
        foreach (var file in files) draft.Add(file);
        return draft.Commit();
    }

    /// <summary>Starts the next site in a temporary folder, to be given every file of <paramref name="paths"/> as it is made.</summary>
    /// <returns>Null when the site cannot be written there (reported).</returns>
    public SiteDraft? Begin(IReadOnlyList<string> paths)
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
        if (!CheckPaths(paths)) return null;
        var draft = new SiteDraft(outputDirectory, target, parent, paths, diagnostics);
        return draft.Start() ? draft : null;
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



    /// <summary>Every output path stays inside the output folder and is written once.</summary>
    private bool CheckPaths(IReadOnlyList<string> paths)
    {
        var ok = true;
        foreach (var group in paths.GroupBy(p => p, StringComparer.Ordinal))
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


}
