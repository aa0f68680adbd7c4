using Vestis.Diagnostics;

namespace Vestis.Loading;

/// <summary>Everything read from the content folder, parsed but not yet checked against the content model.</summary>
public sealed record ContentSources(
    YamlDoc? Site,
    YamlDoc? Measures,
    IReadOnlyList<MunicipalitySource> Municipalities,
    IReadOnlyList<AnnouncementSource> Announcements,
    IReadOnlyList<AttachmentSource> Attachments,
    IReadOnlyList<PublicityFileSource> PublicityFiles);

public sealed record MunicipalitySource(string Id, YamlDoc? Doc, string Path);

/// <param name="Folder">The municipality folder the file is in.</param>
/// <param name="FileName">The file name, e.g. <c>2019-09-19-slug.lv.md</c>.</param>
/// <param name="FrontMatter">
/// The YAML between the fences, from the file's second line, parsed where the file is validated: a parsed tree is
/// many times the size of its text, and one held from loading until every file is validated was most of the heap
/// the collector copied in those stages.
/// </param>
public sealed record AnnouncementSource(string Path, string Folder, string FileName, string FrontMatter, AnnouncementBody Body)
{
    /// <summary>The front matter parsed; null on a YAML error (reported).</summary>
    public YamlDoc? ParseFrontMatter(DiagnosticBag diagnostics) => YamlParser.Parse(Path, FrontMatter, lineOffset: 1, diagnostics);
}

/// <summary>An announcement's Markdown, held as UTF-8, and the line of its file where it starts.</summary>
public sealed record AnnouncementBody(Utf8Text Markdown, int Line);

/// <summary>A file in an announcement's own folder (<c>announcements/&lt;municipality&gt;/&lt;stem&gt;/...</c>).</summary>
/// <param name="RelativePath">Path below <c>announcements/</c>, with <c>/</c> separators.</param>
public sealed record AttachmentSource(string FullPath, string RelativePath);

/// <summary>Artwork in <c>publicity/</c> (national logos) that site.yml can name.</summary>
/// <param name="Name">The file name inside <c>publicity/</c>.</param>
public sealed record PublicityFileSource(string FullPath, string Path, string Name);
