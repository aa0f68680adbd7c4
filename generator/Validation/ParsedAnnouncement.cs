using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;

namespace Vestis.Validation;

/// <summary>
/// One announcement file after its own checks, before the checks across files. Fields a translation
/// may leave to its original (date, kind, tags, author, project) are null when the file does not give them.
/// </summary>
/// <param name="FrontMatterStart">Where a missing required field is reported.</param>
internal sealed record ParsedAnnouncement(
    string Path,
    string MunicipalityId,
    string Stem,
    string Language,
    DateOnly? Date,
    SourceSpan FrontMatterStart,
    DateOnly? Updated,
    DateOnly? Translated,
    SourceSpan? TranslatedSpan,
    string Title,
    string? Summary,
    AnnouncementKind? Kind,
    string Slug,
    SourceSpan SlugSpan,
    bool Draft,
    IReadOnlyList<string>? Tags,
    Author? Author,
    string? ProjectId,
    SourceSpan? ProjectSpan,
    bool DefinesProject,
    ProjectDefinition? Definition,
    AnnouncementBody Body);
