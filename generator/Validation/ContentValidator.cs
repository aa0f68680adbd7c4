using System.Globalization;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;

namespace Vestis.Validation;

/// <summary>What a validation made that a later one may take while its inputs are the same instances (serve).</summary>
public sealed class CheckedContent
{
    /// <summary>Site settings, measures and municipalities, by the file or folder they come from.</summary>
    public DiagnosedCache<SameInputs> Settings { get; } = new();

    /// <summary>Each announcement file on its own.</summary>
    public MadeFrom<AnnouncementSource> Files { get; } = new();

    /// <summary>Each story with its translations, by its first file.</summary>
    internal MadeFrom<ParsedAnnouncement> Stories { get; } = new();

    /// <summary>Each version as the model has it, by the version after the checks.</summary>
    internal MadeFrom<ParsedAnnouncement> Versions { get; } = new();

    /// <summary>Each project, by the first announcement about it.</summary>
    internal MadeFrom<ParsedAnnouncement> Projects { get; } = new();

    public MadeFrom<AttachmentSource> Attachments { get; } = new();
}

/// <summary>
/// What validation makes: the checked content, and the Markdown body of each of its announcements. Only the Markdown
/// stage reads the bodies, so the model does not hold them: once rendered, a build lets them go.
/// </summary>
public sealed record ValidatedContent(Content Content, IReadOnlyDictionary<Announcement, AnnouncementBody> Bodies);

/// <summary>The Validate stage: turns parsed sources into checked, typed <see cref="Content"/>.</summary>
/// <param name="earlier">What an earlier run checked, reused where its inputs are the same instances; null to check all.</param>
/// <param name="workers">How many announcements are checked at once; every core when not given.</param>
public sealed class ContentValidator(DiagnosticBag diagnostics, CheckedContent? earlier = null, ParallelOptions? workers = null)
{
    /// <summary>One story's versions after the checks across them: the original first, translations completed from it.</summary>
    /// <param name="Key">The story's folder and stem, as <c>&lt;municipality&gt;/&lt;stem&gt;</c>.</param>
    /// <param name="Urls">Where each version is published.</param>
    private sealed record CheckedStory(string Key, IReadOnlyList<ParsedAnnouncement> Versions, IReadOnlyList<Announcement> Announcements, IReadOnlyList<string> Urls);

    /// <param name="Story">The story whose folder the file is in, as <c>&lt;municipality&gt;/&lt;stem&gt;</c>.</param>
    private sealed record CheckedAttachment(string Story, Attachment Attachment);

    public ValidatedContent? Validate(ContentSources sources)
    {
        var site = Kept(earlier?.Settings, "site.yml", new([sources.Site, .. sources.PublicityFiles]),
            found => SiteValidator.Validate(sources.Site, sources.PublicityFiles, found));
        if (site is null) return null;
        var measures = Kept(earlier?.Settings, "measures.yml", new(sources.Measures, site),
            found => MeasureValidator.Validate(sources.Measures, site, found))!;
        var municipalities = Kept(earlier?.Settings, "municipalities", new([site, .. sources.Municipalities]),
            found => MunicipalityValidator.Validate(sources.Municipalities, site, found))!;
        var knownFolders = sources.Municipalities.Select(m => m.Id).ToHashSet();

        var inKnownFolders = sources.Announcements.Where(a => KnownFolder(a, knownFolders)).ToList();
        var parsed = new ParsedAnnouncement?[inKnownFolders.Count];
        object?[] siteAndMeasures = [site, measures];
        var check = (AnnouncementSource source, DiagnosticBag found) => new AnnouncementValidator(site, measures, found).Validate(source);
        Parallel.For(0, parsed.Length, workers ?? new(), i => parsed[i] = Kept(earlier?.Files, inKnownFolders[i], siteAndMeasures, inKnownFolders[i], check));

        var stories = new List<CheckedStory>();
        object?[] siteOnly = [site];
        var translations = (List<ParsedAnnouncement> versions, DiagnosticBag found) => Translations(versions, site, found);
        foreach (var versions in Stories(parsed.OfType<ParsedAnnouncement>().ToList()))
            if (Kept(earlier?.Stories, versions[0], versions.Count == 1 ? siteOnly : [site, .. versions.Skip(1)], versions, translations) is { } story)
                stories.Add(story);
        var announcements = new List<ParsedAnnouncement>(parsed.Length);
        foreach (var story in stories) announcements.AddRange(story.Versions);
        CheckUniqueUrls(stories, announcements);
        var projects = ProjectMerger.Merge(announcements, site, diagnostics, earlier?.Projects);
        var attachments = Attachments(sources.Attachments, stories);
        var valid = municipalities.Keys.ToHashSet(StringComparer.Ordinal);
        var published = new List<Announcement>(announcements.Count);
        var bodies = new Dictionary<Announcement, AnnouncementBody>(announcements.Count, ReferenceEqualityComparer.Instance);
        foreach (var story in stories.Where(s => valid.Contains(s.Versions[0].MunicipalityId)))
        {
            published.AddRange(story.Announcements);
            for (var i = 0; i < story.Versions.Count; i++) bodies[story.Announcements[i]] = story.Versions[i].Body;
        }
        return new ValidatedContent(new Content(site, municipalities, measures, published, projects, attachments), bodies);
    }

    /// <summary>What <paramref name="make"/> makes, or what it made from the same inputs before.</summary>
    private T? Kept<T>(DiagnosedCache<SameInputs>? cache, string key, SameInputs inputs, Func<DiagnosticBag, T?> make) where T : class =>
        cache is null ? make(diagnostics) : cache.Get(key, inputs, diagnostics, make);

    /// <summary>What <paramref name="make"/> makes of <paramref name="state"/>, or what it made before from the same source and other inputs.</summary>
    private T? Kept<TSource, TState, T>(MadeFrom<TSource>? cache, TSource source, object?[] others, TState state, Func<TState, DiagnosticBag, T?> make)
        where TSource : class where T : class =>
        cache is null ? make(state, diagnostics) : cache.Get(source, others, state, make, diagnostics);

    /// <summary>
    /// The files of each story (the same stem in one folder), in path order. They lie next to each other: a stem
    /// has no dot, so between <c>stem.en.md</c> and <c>stem.md</c> only files of the same stem can sort.
    /// </summary>
    private static IEnumerable<List<ParsedAnnouncement>> Stories(List<ParsedAnnouncement> files)
    {
        for (int start = 0, end; start < files.Count; start = end)
        {
            for (end = start + 1; end < files.Count && files[end].Stem == files[start].Stem && files[end].MunicipalityId == files[start].MunicipalityId; end++) { }
            yield return files.GetRange(start, end - start);
        }
    }

    private bool KnownFolder(AnnouncementSource source, HashSet<string> knownFolders)
    {
        if (knownFolders.Contains(source.Folder)) return true;
        diagnostics.Error(DiagnosticCodes.UnknownMunicipality, SourceSpan.File(source.Path),
            $"folder `{source.Folder}` names a municipality with no municipalities/{source.Folder}.yml");
        // Not validated, but its YAML errors are reported with the folder's.
        source.ParseFrontMatter(diagnostics);
        return false;
    }

    /// <summary>
    /// Files with the same stem in one folder are one story in several languages. The original is the
    /// default-language file (or the first in site order); translations inherit what they leave out
    /// (date, kind, tags, author, project) and are reported when their original changed after them.
    /// </summary>
    /// <param name="story">The story's files in path order.</param>
    /// <returns>Null when the story has no date to publish it under.</returns>
    private CheckedStory? Translations(List<ParsedAnnouncement> story, SiteSettings site, DiagnosticBag diagnostics)
    {
        var versions = new List<ParsedAnnouncement>();
        foreach (var version in story)
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
            return null;
        }
        var result = new List<ParsedAnnouncement> { original };
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
        // An original is its file as checked, and so the same instance while its file is unchanged; a translation is made anew.
        var announcements = result.Select(a => earlier is null ? ToAnnouncement(a) : earlier.Versions.Get(a, [], a, ToAnnouncement)).ToList();
        return new CheckedStory($"{original.MunicipalityId}/{original.Stem}", result, announcements, announcements.Select(Urls.Announcement).ToList());
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return int.MaxValue;
    }

    private void CheckUniqueUrls(List<CheckedStory> stories, List<ParsedAnnouncement> announcements)
    {
        var seen = new HashSet<string>(announcements.Count, StringComparer.Ordinal);
        if (stories.All(s => s.Urls.All(seen.Add))) return;
        // The first in path order keeps the address; the others are told to move.
        foreach (var clash in announcements.GroupBy(a => (a.Language, a.MunicipalityId, a.Date!.Value.Year, a.Slug)).Where(g => g.Count() > 1))
        {
            var first = clash.OrderBy(a => a.Path, StringComparer.Ordinal).First();
            foreach (var other in clash.Where(a => a != first))
                diagnostics.Error(DiagnosticCodes.DuplicateUrl, other.SlugSpan,
                    $"this announcement and {first.Path} would both be published at /{clash.Key.Language}/{clash.Key.MunicipalityId}/{clash.Key.Year}/{clash.Key.Slug}/; give one of them another slug");
        }
    }

    private List<Attachment> Attachments(IReadOnlyList<AttachmentSource> sources, List<CheckedStory> stories)
    {
        var keys = stories.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var attachments = new List<Attachment>();
        foreach (var source in sources)
        {
            var attachment = earlier is null ? Attachment(source) : earlier.Attachments.Get(source, [], source, Attachment);
            if (keys.Contains(attachment.Story)) attachments.Add(attachment.Attachment);
            else diagnostics.Error(DiagnosticCodes.UnexpectedFile, SourceSpan.File(source.FullPath.Replace('\\', '/')),
                $"the folder `{attachment.Story.Split('/')[1]}` holds files of an announcement, but there is no announcement `{attachment.Story.Split('/')[1]}.md` beside it");
        }
        return attachments;
    }

    private static CheckedAttachment Attachment(AttachmentSource source)
    {
        var parts = source.RelativePath.Split('/');
        return new CheckedAttachment($"{parts[0]}/{parts[1]}", new Attachment(source.FullPath, Urls.Attachment(parts[0], parts[1], string.Join('/', parts[2..]))));
    }

    private static Announcement ToAnnouncement(ParsedAnnouncement a) => new(
        a.Path, a.MunicipalityId, a.Stem, a.Language, a.Date!.Value, a.Updated, a.Translated, a.Title, a.Summary,
        a.Kind ?? AnnouncementKind.News, a.Slug, a.Draft, a.Tags ?? [], a.Author, a.ProjectId, a.ProjectSpan);
}
