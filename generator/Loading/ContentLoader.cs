using Vestis.Diagnostics;

namespace Vestis.Loading;

/// <summary>The Load stage: reads the content folder's files and parses their YAML, keeping positions.</summary>
/// <param name="cache">Files parsed by an earlier load, taken from it while unchanged; null to read everything.</param>
/// <param name="changed">
/// The paths changed since that load, as a watcher saw them: only these are looked at again. Null when that
/// is not known: the folder is walked and every file's stamp compared.
/// </param>
/// <param name="workers">How many files are read at once; every core when not given.</param>
public sealed class ContentLoader(string contentDirectory, DiagnosticBag diagnostics, SourceCache? cache = null, IReadOnlyCollection<string>? changed = null,
    ParallelOptions? workers = null)
{
    // The files that may differ from the cache's; null when any may.
    private HashSet<string>? reread;

    /// <summary>What every command reports when there is no content folder to load.</summary>
    public static Diagnostic MissingFolder(string contentDirectory) =>
        new(Severity.Error, DiagnosticCodes.SiteFileMissing, SourceSpan.File(contentDirectory), "the content folder does not exist");

    public ContentSources Load()
    {
        var files = List();
        var site = ReadYaml("site.yml", required: true);
        var measures = ReadYaml("measures.yml", required: false);
        var loaded = new object?[files.Count];
        Parallel.For(0, files.Count, workers ?? new(), i => loaded[i] = FromFile(files[i], Read));
        return new ContentSources(site, measures, loaded.OfType<MunicipalitySource>().ToList(), loaded.OfType<AnnouncementSource>().ToList(),
            loaded.OfType<AttachmentSource>().ToList(), loaded.OfType<PublicityFileSource>().ToList());
    }

    /// <summary>
    /// What the file at <paramref name="relative"/> is to the content model, read: a municipality, an announcement,
    /// an attachment or artwork. Null for site.yml and measures.yml (read on their own), and for a file that
    /// cannot be read or has no place in the model.
    /// </summary>
    private object? Read(string relative, DiagnosticBag diagnostics)
    {
        var full = Path.Join(contentDirectory, relative);
        var display = DisplayPath(relative);
        switch (relative.Split('/'))
        {
            case ["site.yml"] or ["measures.yml"]:
                return null;
            case ["municipalities", var name] when name.EndsWith(".yml", StringComparison.Ordinal):
                return new MunicipalitySource(name[..^4], ReadYaml(full, display, diagnostics), display);
            case ["announcements", var folder, var name] when name.EndsWith(".md", StringComparison.Ordinal):
                return ReadAnnouncement(display, full, folder, name, diagnostics);
            case ["announcements", _, _, _, ..]:
                return new AttachmentSource(full, relative["announcements/".Length..]);
            case ["publicity", var artwork]:
                return new PublicityFileSource(full, display, artwork);
            default:
                diagnostics.Error(DiagnosticCodes.UnexpectedFile, SourceSpan.File(display),
                    "this file has no place in the content model (see CONTENT-MODEL.md: site.yml, measures.yml, " +
                    "municipalities/<id>.yml, announcements/<municipality-id>/<file>.md, publicity/<logo file>)");
                return null;
        }
    }

    /// <summary>The files to load, relative to the folder and in ordinal order: the cache's listing brought up to date, or else a walk's.</summary>
    private IReadOnlyList<string> List()
    {
        if (changed is not null && cache?.Listing is { } listing && listing.Update(changed) is { } changedFiles)
        {
            reread = changedFiles;
            return listing.Files;
        }
        var files = new List<string>();
        var plain = Walk(contentDirectory, files);
        // Ordinal order, so that everything downstream sees files in the same order on every machine.
        files.Sort(StringComparer.Ordinal);
        // What a link leads to can change with no event for the link, and an unreadable folder may become readable: only a walk sees either.
        if (cache is not null) cache.Listing = plain ? new FileListing(contentDirectory, files) : null;
        return files;
    }

    /// <summary>What <paramref name="make"/> makes of the file, or what it made before while the file is unchanged.</summary>
    private T? FromFile<T>(string relative, Func<string, DiagnosticBag, T?> make) where T : class =>
        cache is null ? make(relative, diagnostics)
            : cache.Read(contentDirectory, relative, diagnostics, make, changed: reread?.Contains(relative));

    private static AnnouncementSource? ReadAnnouncement(string display, string full, string folder, string name, DiagnosticBag diagnostics)
    {
        var text = SourceText.Read(full, display, diagnostics);
        if (text is null) return null;
        var frontMatter = FrontMatter.Split(display, text, diagnostics);
        if (frontMatter is null) return null;
        return new AnnouncementSource(display, folder, name, frontMatter.Yaml, new AnnouncementBody(new Utf8Text(frontMatter.Body.Span), frontMatter.BodyLine));
    }

    private YamlDoc? ReadYaml(string relative, bool required)
    {
        var full = Path.Combine(contentDirectory, relative);
        var display = DisplayPath(relative);
        if (Directory.Exists(full))
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceSpan.File(display), "this is a folder; it must be a file");
            return null;
        }
        if (!File.Exists(full))
        {
            if (required)
                diagnostics.Error(DiagnosticCodes.SiteFileMissing, SourceSpan.File(display), "the file is missing");
            return null;
        }
        return FromFile(relative, (_, found) => ReadYaml(full, display, found));
    }

    private static YamlDoc? ReadYaml(string full, string display, DiagnosticBag diagnostics)
    {
        var text = SourceText.Read(full, display, diagnostics);
        return text is null ? null : YamlParser.Parse(display, text, lineOffset: 0, diagnostics);
    }

    private string DisplayPath(string relative) =>
        Path.Join(contentDirectory, relative).Replace('\\', '/');

    /// <summary>Adds the files below <paramref name="directory"/> to <paramref name="files"/>; false when it met a link or an unreadable folder.</summary>
    /// <remarks>Dot-files (editor and OS clutter) are not content.</remarks>
    private bool Walk(string directory, List<string> files)
    {
        string[] found, folders;
        try
        {
            found = Directory.GetFiles(directory);
            folders = Directory.GetDirectories(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceSpan.File(directory.Replace('\\', '/')), $"cannot read the folder: {e.Message}");
            return false;
        }
        var plain = true;
        foreach (var file in found.Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            var (inside, link) = StaysInside(file, isFolder: false);
            if (inside) files.Add(Path.GetRelativePath(contentDirectory, file).Replace('\\', '/'));
            plain &= !link;
        }
        foreach (var sub in folders.Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            var (inside, link) = StaysInside(sub, isFolder: true);
            if (inside) plain &= Walk(sub, files);
            plain &= !link;
        }
        return plain;
    }

    /// <summary>
    /// A symbolic link is followed only to a file or folder inside the content folder, and never to a folder
    /// that holds the link: a build reads nothing else on the machine, and publishes nothing else.
    /// </summary>
    private (bool Inside, bool Link) StaysInside(string entry, bool isFolder)
    {
        FileSystemInfo info = isFolder ? new DirectoryInfo(entry) : new FileInfo(entry);
        if (info.LinkTarget is null) return (true, false);
        var display = DisplayPath(Path.GetRelativePath(contentDirectory, entry));
        FileSystemInfo? target;
        try
        {
            target = info.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException e)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceSpan.File(display), $"cannot follow the link: {e.Message}");
            return (false, true);
        }
        var root = Path.GetFullPath(contentDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = target is null ? null : Path.GetFullPath(target.FullName);
        if (full is null || !target!.Exists)
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceSpan.File(display), $"the link leads to nothing (`{info.LinkTarget}`)");
        else if (!full.StartsWith(root, StringComparison.Ordinal))
            diagnostics.Error(DiagnosticCodes.LinkOutsideContent, SourceSpan.File(display),
                $"the link leads outside the content folder (`{info.LinkTarget}`); it is not read");
        else if (isFolder && (Path.GetFullPath(entry) + Path.DirectorySeparatorChar).StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            diagnostics.Error(DiagnosticCodes.LinkOutsideContent, SourceSpan.File(display),
                $"the link leads to a folder that holds it (`{info.LinkTarget}`); it is not followed");
        else return (true, true);
        return (false, true);
    }
}
