namespace Vestis.Model;

/// <summary>One story: an announcement and its translations (files with the same stem in one folder).</summary>
public sealed record Story(string MunicipalityId, string Stem, IReadOnlyDictionary<string, Announcement> Versions, Announcement Original)
{
    /// <summary>The version a page in <paramref name="language"/> shows: its own, or else the original.</summary>
    public Announcement For(string language) => Versions.GetValueOrDefault(language) ?? Original;

    public DateOnly Date => Original.Date;

    /// <summary>
    /// The version a built site lists in <paramref name="language"/>, also where a preview shows drafts and future
    /// versions: its own if published, else the first published one in the site's order; null when none is.
    /// </summary>
    public Announcement? PublishedFor(string language, IEnumerable<string> languages, DateOnly today) =>
        languages.Prepend(language).Select(Versions.GetValueOrDefault).FirstOrDefault(v => v is not null && v.IsPublishedOn(today));

    public string? ProjectId => Original.ProjectId;

    /// <summary>The date of a change to the original that <paramref name="translation"/> has not caught up with, if any.</summary>
    public DateOnly? MissedUpdate(Announcement translation) =>
        translation == Original ? null : MissedUpdate(Original.Updated, translation.Translated, translation.LastChanged);

    /// <summary>
    /// A translation is stale when its original was updated after the version it was made from: its
    /// <c>translated</c> date, or else its own last change.
    /// </summary>
    public static DateOnly? MissedUpdate(DateOnly? originalUpdated, DateOnly? translated, DateOnly translationChanged) =>
        originalUpdated is { } changed && changed > (translated ?? translationChanged) ? changed : null;
}

/// <summary>
/// What the site will publish, with the indexes the pages need. Only published versions are here:
/// drafts and announcements dated after the build date are left out, unless a preview asks for them.
/// </summary>
public sealed record SiteModel(
    Content Content,
    DateOnly Today,
    IReadOnlyList<Story> Stories,
    IReadOnlyList<Municipality> Municipalities,
    IReadOnlyDictionary<string, IReadOnlyList<Story>> StoriesByMunicipality,
    IReadOnlyDictionary<string, IReadOnlyList<Story>> StoriesByProject,
    IReadOnlyList<Project> Projects,
    IReadOnlyDictionary<string, IReadOnlyList<Project>> ProjectsByFund,
    IReadOnlyDictionary<string, IReadOnlyList<Project>> ProjectsByMeasure)
{
    public SiteSettings Settings => Content.Settings;

    /// <summary>The municipality that took over a dissolved one, and the ones it took over.</summary>
    public IReadOnlyList<Municipality> PredecessorsOf(string id) =>
        Municipalities.Where(m => m.Successor == id).ToList();
}
