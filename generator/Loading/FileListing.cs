namespace Vestis.Loading;

/// <summary>
/// A content folder's files as paths relative to it, in ordinal order, kept up to date from the paths a
/// watcher saw change instead of walking the folder again.
/// </summary>
public sealed class FileListing(string contentDirectory, IEnumerable<string> files)
{
    private readonly string root = Path.GetFullPath(contentDirectory);
    private readonly SortedSet<string> files = new(files, StringComparer.Ordinal);
    private string[]? listed;

    public IReadOnlyList<string> Files => listed ??= [.. files];

    /// <summary>
    /// Takes in the changed paths (files or folders, anywhere). Returns the files to read again, or null when
    /// only a walk can tell what the folder holds now: a folder or a link changed, or something vanished that
    /// the listing does not know as a file (a folder renamed or deleted).
    /// </summary>
    public HashSet<string>? Update(IEnumerable<string> changed)
    {
        var reread = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in changed)
        {
            var full = Path.GetFullPath(path);
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (relative == ".") return null;
            if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative)) continue;
            // A walk skips dot-files and dot-folders: they are not content.
            if (relative.Split('/').Any(part => part.StartsWith('.'))) continue;
            var info = new FileInfo(full);
            if (info.LinkTarget is not null || Directory.Exists(full)) return null;
            if (info.Exists)
            {
                if (files.Add(relative)) listed = null;
                reread.Add(relative);
            }
            else if (files.Remove(relative)) listed = null;
            else if (files.GetViewBetween(relative + "/", relative + "/\uffff").Count > 0) return null;
        }
        return reread;
    }
}
