using Vestis.Diagnostics;

namespace Vestis.Loading;

/// <summary>The Load stage: reads the content folder's files and parses their YAML, keeping positions.</summary>
/// <param name="cache">Files parsed by an earlier load, taken from it while unchanged; null to read everything.</param>
public sealed class ContentLoader(string contentDirectory, DiagnosticBag diagnostics, SourceCache? cache = null)
{
    /// <summary>What every command reports when there is no content folder to load.</summary>
    public static Diagnostic MissingFolder(string contentDirectory) =>
        new(Severity.Error, DiagnosticCodes.SiteFileMissing, SourceSpan.File(contentDirectory), "the content folder does not exist");

    public ContentSources Load()
    {
        var site = ReadYaml("site.yml", required: true);
        var measures = ReadYaml("measures.yml", required: false);
        var municipalities = new List<MunicipalitySource>();
        var announcementFiles = new List<(string Display, string Full, string Folder, string Name)>();
        var attachments = new List<AttachmentSource>();
        var publicityFiles = new List<PublicityFileSource>();

        foreach (var entry in Entries(contentDirectory))
        {
            var relative = Path.GetRelativePath(contentDirectory, entry).Replace('\\', '/');
            var parts = relative.Split('/');
            var display = DisplayPath(relative);
            if (parts is ["site.yml"] or ["measures.yml"]) continue;
            if (parts is ["municipalities", var ymlName] && ymlName.EndsWith(".yml", StringComparison.Ordinal))
            {
                var id = ymlName[..^4];
                municipalities.Add(new MunicipalitySource(id, ReadYaml(relative, required: true), display));
            }
            else if (parts is ["announcements", var folder, var mdName] && mdName.EndsWith(".md", StringComparison.Ordinal))
            {
                announcementFiles.Add((display, entry, folder, mdName));
            }
            else if (parts.Length >= 4 && parts[0] == "announcements")
            {
                attachments.Add(new AttachmentSource(entry, string.Join('/', parts[1..])));
            }
            else if (parts is ["publicity", var artwork])
            {
                publicityFiles.Add(new PublicityFileSource(entry, display, artwork));
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.UnexpectedFile, SourceSpan.File(display),
                    "this file has no place in the content model (see CONTENT-MODEL.md: site.yml, measures.yml, " +
                    "municipalities/<id>.yml, announcements/<municipality-id>/<file>.md, publicity/<logo file>)");
            }
        }

        var announcements = new AnnouncementSource?[announcementFiles.Count];
        Parallel.For(0, announcementFiles.Count, i =>
        {
            var (display, full, folder, name) = announcementFiles[i];
            announcements[i] = ReadAnnouncement(display, full, folder, name);
        });

        return new ContentSources(site, measures, municipalities,
            announcements.OfType<AnnouncementSource>().ToList(), attachments, publicityFiles);
    }

    private AnnouncementSource? ReadAnnouncement(string display, string full, string folder, string name) =>
        cache is null ? ReadAnnouncement(display, full, folder, name, diagnostics)
            : cache.Read(full, diagnostics, found => ReadAnnouncement(display, full, folder, name, found));

    private static AnnouncementSource? ReadAnnouncement(string display, string full, string folder, string name, DiagnosticBag diagnostics)
    {
        var text = SourceText.Read(full, display, diagnostics);
        if (text is null) return null;
        var frontMatter = FrontMatter.Split(display, text, diagnostics);
        if (frontMatter is null) return null;
        var doc = YamlParser.Parse(display, frontMatter.Yaml, lineOffset: 1, diagnostics);
        return doc is null ? null : new AnnouncementSource(display, folder, name, doc, frontMatter.Body, frontMatter.BodyLine);
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
        return cache is null ? ReadYaml(full, display, diagnostics) : cache.Read(full, diagnostics, found => ReadYaml(full, display, found));
    }

    private static YamlDoc? ReadYaml(string full, string display, DiagnosticBag diagnostics)
    {
        var text = SourceText.Read(full, display, diagnostics);
        return text is null ? null : YamlParser.Parse(display, text, lineOffset: 0, diagnostics);
    }

    private string DisplayPath(string relative) =>
        Path.Join(contentDirectory, relative).Replace('\\', '/');

    // Ordinal order, so that everything downstream sees files in the same order on every machine.
    // Dot-files (editor and OS clutter) are not content.
    private IEnumerable<string> Entries(string directory)
    {
        string[] files, folders;
        try
        {
            files = Directory.GetFiles(directory);
            folders = Directory.GetDirectories(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceSpan.File(directory.Replace('\\', '/')), $"cannot read the folder: {e.Message}");
            yield break;
        }
        foreach (var file in files.Order(StringComparer.Ordinal))
            if (!Path.GetFileName(file).StartsWith('.') && StaysInside(file, isFolder: false)) yield return file;
        foreach (var sub in folders.Order(StringComparer.Ordinal))
            if (!Path.GetFileName(sub).StartsWith('.') && StaysInside(sub, isFolder: true))
                foreach (var file in Entries(sub)) yield return file;
    }

    /// <summary>
    /// A symbolic link is followed only to a file or folder inside the content folder, and never to a folder
    /// that holds the link: a build reads nothing else on the machine, and publishes nothing else.
    /// </summary>
    private bool StaysInside(string entry, bool isFolder)
    {
        FileSystemInfo info = isFolder ? new DirectoryInfo(entry) : new FileInfo(entry);
        if (info.LinkTarget is null) return true;
        var display = DisplayPath(Path.GetRelativePath(contentDirectory, entry));
        FileSystemInfo? target;
        try
        {
            target = info.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException e)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceSpan.File(display), $"cannot follow the link: {e.Message}");
            return false;
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
        else return true;
        return false;
    }
}
