using System.Globalization;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;

namespace Vestis.Validation;

/// <summary>The Validate stage: turns parsed sources into checked, typed <see cref="Content"/>.</summary>
/// <param name="checkedFiles">Announcements checked by an earlier run, reused while their inputs are the same instances; null to check all.</param>
public sealed class ContentValidator(DiagnosticBag diagnostics, DiagnosedCache<AnnouncementInputs>? checkedFiles = null)
{
    public Content? Validate(ContentSources sources)
    {
        var site = SiteValidator.Validate(sources.Site, sources.PublicityFiles, diagnostics);
        if (site is null) return null;
        var measures = MeasureValidator.Validate(sources.Measures, site, diagnostics);
        var municipalities = MunicipalityValidator.Validate(sources.Municipalities, site, diagnostics);
        var knownFolders = sources.Municipalities.Select(m => m.Id).ToHashSet();

        var validator = new AnnouncementValidator(site, measures, diagnostics);
        var inKnownFolders = sources.Announcements.Where(a => KnownFolder(a, knownFolders)).ToList();
        var parsed = new ParsedAnnouncement?[inKnownFolders.Count];
        Parallel.For(0, parsed.Length, i =>
        {
            var source = inKnownFolders[i];
            parsed[i] = checkedFiles is null ? validator.Validate(source)
                : checkedFiles.Get(source.Path, new AnnouncementInputs(source, sources.Site, sources.Measures), diagnostics,
                    found => new AnnouncementValidator(site, measures, found).Validate(source));
        });

        var announcements = Translations(parsed.OfType<ParsedAnnouncement>().ToList(), site);
        CheckUniqueUrls(announcements);
        var projects = ProjectMerger.Merge(announcements, site, diagnostics);
        WarnAboutMissingAimsAndResults(announcements, projects);
        var attachments = Attachments(sources.Attachments, announcements);

        return new Content(site, municipalities, measures,
            announcements.Where(a => municipalities.ContainsKey(a.MunicipalityId)).Select(ToAnnouncement).ToList(),
            projects, attachments);
    }

    private bool KnownFolder(AnnouncementSource source, HashSet<string> knownFolders)
    {
        if (knownFolders.Contains(source.Folder)) return true;
        diagnostics.Error(DiagnosticCodes.UnknownMunicipality, SourceSpan.File(source.Path),
            $"folder `{source.Folder}` names a municipality with no municipalities/{source.Folder}.yml");
        return false;
    }

    /// <summary>
    /// Files with the same stem in one folder are one story in several languages. The original is the
    /// default-language file (or the first in site order); translations inherit what they leave out
    /// (date, kind, tags, author, project) and are reported when their original changed after them.
    /// </summary>
    private List<ParsedAnnouncement> Translations(List<ParsedAnnouncement> parsed, SiteSettings site)
    {
        var result = new List<ParsedAnnouncement>();
        foreach (var story in parsed.GroupBy(a => (a.MunicipalityId, a.Stem)).OrderBy(g => g.Key.MunicipalityId, StringComparer.Ordinal).ThenBy(g => g.Key.Stem, StringComparer.Ordinal))
        {
            var versions = new List<ParsedAnnouncement>();
            foreach (var version in story.OrderBy(a => a.Path, StringComparer.Ordinal))
            {
                var twin = versions.FirstOrDefault(v => v.Language == version.Language);
                if (twin is null) versions.Add(version);
                else diagnostics.Error(DiagnosticCodes.DuplicateTranslation, SourceSpan.File(version.Path),
                    $"this file and {twin.Path} are both the `{version.Language}` version of `{version.Stem}`");
            }
            var original = versions.OrderBy(v => IndexOf(site.Languages, v.Language)).First();
            if (original.TranslatedSpan is { } translatedSpan)
                diagnostics.Error(DiagnosticCodes.TranslatedOnOriginal, translatedSpan,
                    "`translated` belongs on translations; this file is the original of its story");
            if (original.Date is not { } originalDate)
            {
                diagnostics.Error(DiagnosticCodes.RequiredField, original.FrontMatterStart,
                    "required field `date` is missing (a translation may leave it to its original; this file is the original)");
                continue;
            }
            result.Add(original);
            foreach (var version in versions.Where(v => v != original))
            {
                var date = version.Date ?? originalDate;
                var translation = version with
                {
                    Date = date,
                    Kind = version.Kind ?? original.Kind,
                    Tags = version.Tags ?? original.Tags,
                    Author = version.Author ?? original.Author,
                    ProjectId = version.ProjectId ?? original.ProjectId,
                    ProjectSpan = version.ProjectSpan ?? original.ProjectSpan,
                    Definition = version.Definition is { } definition ? definition with { AnnouncementDate = date } : null,
                };
                if (Story.MissedUpdate(original.Updated, version.Translated, version.Updated ?? date) is { } changed)
                    diagnostics.Warning(DiagnosticCodes.StaleTranslation, version.TranslatedSpan ?? SourceSpan.File(version.Path),
                        string.Create(CultureInfo.InvariantCulture,
                            $"the `{original.Language}` original ({original.Path}) was updated on {changed:yyyy-MM-dd}, after this translation was made"
                            + $" ({version.Translated ?? version.Updated ?? date:yyyy-MM-dd}); bring it up to date and set `translated: {changed:yyyy-MM-dd}`"));
                result.Add(translation);
            }
        }
        return result;
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return int.MaxValue;
    }

    private void CheckUniqueUrls(List<ParsedAnnouncement> announcements)
    {
        foreach (var clash in announcements.GroupBy(a => (a.Language, a.MunicipalityId, a.Date!.Value.Year, a.Slug)).Where(g => g.Count() > 1))
        {
            var first = clash.OrderBy(a => a.Path, StringComparer.Ordinal).First();
            foreach (var other in clash.Where(a => a != first))
                diagnostics.Error(DiagnosticCodes.DuplicateUrl, other.SlugSpan,
                    $"this announcement and {first.Path} would both be published at /{clash.Key.Language}/{clash.Key.MunicipalityId}/{clash.Key.Year}/{clash.Key.Slug}/; give one of them another slug");
        }
    }

    private void WarnAboutMissingAimsAndResults(List<ParsedAnnouncement> announcements, IReadOnlyDictionary<string, Project> projects)
    {
        var published = announcements.Where(a => !a.Draft && a.ProjectId is not null && a.ProjectSpan is not null)
            .GroupBy(a => (a.ProjectId!, a.Language));
        foreach (var group in published.OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Language, StringComparer.Ordinal))
        {
            if (!projects.TryGetValue(group.Key.Item1, out var project)) continue;
            var language = group.Key.Language;
            if (project.Aims.Has(language) || project.Results.Has(language)) continue;
            var first = group.OrderBy(a => a.Date).ThenBy(a => a.Path, StringComparer.Ordinal).First();
            var at = first.ProjectSpan!.Value.Path == first.Path ? first.ProjectSpan.Value : SourceSpan.File(first.Path);
            diagnostics.Warning(DiagnosticCodes.MissingAimsOrResults, at,
                $"project {project.Id} states neither `aims` nor `results` in `{language}`; EU rules ask a project's web page to describe both");
        }
    }

    private List<Attachment> Attachments(IReadOnlyList<AttachmentSource> sources, List<ParsedAnnouncement> announcements)
    {
        var stems = announcements.Select(a => (a.MunicipalityId, a.Stem)).ToHashSet();
        var attachments = new List<Attachment>();
        foreach (var source in sources)
        {
            var parts = source.RelativePath.Split('/');
            if (!stems.Contains((parts[0], parts[1])))
            {
                diagnostics.Error(DiagnosticCodes.UnexpectedFile, SourceSpan.File(source.FullPath.Replace('\\', '/')),
                    $"the folder `{parts[1]}` holds files of an announcement, but there is no announcement `{parts[1]}.md` beside it");
                continue;
            }
            attachments.Add(new Attachment(source.FullPath, Urls.Attachment(parts[0], parts[1], string.Join('/', parts[2..]))));
        }
        return attachments;
    }

    private static Announcement ToAnnouncement(ParsedAnnouncement a) => new(
        a.Path, a.MunicipalityId, a.Stem, a.Language, a.Date!.Value, a.Updated, a.Translated, a.Title, a.Summary,
        a.Kind ?? AnnouncementKind.News, a.Slug, a.Draft, a.Tags ?? [], a.Author, a.ProjectId, a.ProjectSpan, a.Body, a.BodyLine);
}

/// <summary>
/// What checking one announcement file depends on: the file as parsed, and site.yml and measures.yml as
/// parsed. Unchanged files are loaded as the very same instances, so identity is the test.
/// </summary>
public sealed record AnnouncementInputs(AnnouncementSource Source, YamlDoc? Site, YamlDoc? Measures)
{
    public bool Equals(AnnouncementInputs? other) =>
        other is not null && ReferenceEquals(Source, other.Source) && ReferenceEquals(Site, other.Site) && ReferenceEquals(Measures, other.Measures);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Source);
}
