using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Vestis.Diagnostics;
using Vestis.I18n;
using Vestis.Loading;
using Vestis.Model;
using Vestis.Validation;

namespace Vestis.Authoring;

/// <param name="Language">The author's language; null for the site's default language.</param>
/// <param name="ProjectId">The project the announcement is about: a reference when the site defines it, else a new full block.</param>
/// <param name="Kind">Null for news, or project-start when the announcement defines a new project.</param>
public sealed record NewAnnouncementRequest(
    string ContentDirectory,
    string TemplatesDirectory,
    string MunicipalityId,
    string Slug,
    string? Language,
    string? ProjectId,
    string? Kind,
    DateOnly Today);

/// <summary>What <c>new</c> did: the file it wrote, or why it wrote none.</summary>
/// <param name="Path">The file written, as diagnostics name files; null when none was.</param>
/// <param name="Address">Where the announcement will be published.</param>
/// <param name="WrongArgument">Why the arguments do not fit the site: a fault of the command line, not of the content.</param>
/// <param name="Errors">What in the content folder kept the file from being written.</param>
public sealed record NewAnnouncementResult(string? Path, Uri? Address, string? WrongArgument, IReadOnlyList<Diagnostic> Errors)
{
    public static NewAnnouncementResult Wrong(string message) => new(null, null, message, []);

    public static NewAnnouncementResult Refused(IReadOnlyList<Diagnostic> errors) => new(null, null, null, errors);
}

/// <summary>
/// <c>new</c>: checks the arguments against what the site knows (read with the Load and Validate stages, whose
/// findings are left to <c>check</c>), then writes the scaffold of a new announcement, never over an existing file.
/// </summary>
public static partial class NewAnnouncement
{
    public static NewAnnouncementResult Create(NewAnnouncementRequest request)
    {
        if (!Directory.Exists(request.ContentDirectory))
            return NewAnnouncementResult.Refused([ContentLoader.MissingFolder(request.ContentDirectory)]);
        if (!Directory.Exists(request.TemplatesDirectory))
            return NewAnnouncementResult.Wrong($"the templates folder `{request.TemplatesDirectory}` does not exist");
        var diagnostics = new DiagnosticBag();
        var sources = new ContentLoader(request.ContentDirectory, diagnostics).Load();
        var content = new ContentValidator(diagnostics).Validate(sources)?.Content;
        var ui = content is null ? null : UiStrings.Load(request.TemplatesDirectory, content.Settings, diagnostics);
        // The site's own problems are check's to report; new stops only when it cannot know the site's languages.
        if (content is null || ui is null)
            return NewAnnouncementResult.Refused(diagnostics.Sorted().Where(d => d.Severity == Severity.Error).ToList());

        var site = content.Settings;
        var language = request.Language ?? site.DefaultLanguage;
        var project = Project(request.ProjectId, content);
        var kind = request.Kind ?? (project.IsNew ? "project-start" : "news");
        var urlSlug = Slugs.From(request.Slug, language);
        if (WrongArgument(request, sources, site, language, kind, urlSlug) is { } wrong) return NewAnnouncementResult.Wrong(wrong);

        var folder = Path.Join(request.ContentDirectory, "announcements", request.MunicipalityId).Replace('\\', '/');
        var stem = string.Create(CultureInfo.InvariantCulture, $"{request.Today:yyyy-MM-dd}-{request.Slug}");
        var path = $"{folder}/{stem}.{language}.md";
        var address = Urls.Announcement(language, request.MunicipalityId, request.Today, urlSlug!);
        if (Taken(content, language, folder, stem, address) is { } taken) return NewAnnouncementResult.Refused([taken]);

        var words = new ScaffoldWords(ui[language]);
        var municipalityName = content.Municipalities.GetValueOrDefault(request.MunicipalityId)?.Name.For(language, site.DefaultLanguage)
            ?? request.MunicipalityId;
        var text = new AnnouncementScaffold(words, new ProjectScaffold(words, content.Measures, municipalityName, language, site.DefaultLanguage))
            .Write(request.Today, kind, urlSlug!, project);
        return WriteNew(folder, path, text) is { } failed
            ? NewAnnouncementResult.Refused([failed])
            : new NewAnnouncementResult(path, new Uri(site.BaseUrl, address), null, []);
    }

    /// <summary>The announcement that is already this one, or already has its address; null when there is none.</summary>
    private static Diagnostic? Taken(Content content, string language, string folder, string stem, string address)
    {
        // A default-language file may leave out its language, so `<stem>.md` would be this same announcement.
        var names = language == content.Settings.DefaultLanguage ? new[] { $"{stem}.{language}.md", $"{stem}.md" } : [$"{stem}.{language}.md"];
        if (names.Select(name => $"{folder}/{name}").FirstOrDefault(File.Exists) is { } existing)
            return Error(DiagnosticCodes.AnnouncementExists, existing,
                "this announcement exists already and `new` does not overwrite it: edit it, or give the new one another slug");
        return content.Announcements.FirstOrDefault(a => Urls.Announcement(a) == address) is { } other
            ? Error(DiagnosticCodes.DuplicateUrl, other.SourcePath,
                $"this announcement is published at /{address}, where the new one would be; give the new one another slug")
            : null;
    }

    private static Diagnostic? WriteNew(string folder, string path, string text)
    {
        try
        {
            Directory.CreateDirectory(folder);
            // CreateNew: a file that appeared since Taken looked is still not overwritten.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(Encoding.UTF8.GetBytes(text));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Error(DiagnosticCodes.OutputError, path, $"cannot write the file: {e.Message}");
        }
    }

    private static Diagnostic Error(string code, string path, string message) => new(Severity.Error, code, SourceSpan.File(path), message);

    /// <summary>
    /// The project the site defines under that id (matched as its page is, so case and '/' or '-' do not
    /// make a second project), or a new one.
    /// </summary>
    private static ProjectChoice Project(string? id, Content content) =>
        id is null ? ProjectChoice.None
        : new ProjectChoice(id, content.Projects.Values.FirstOrDefault(p => Urls.ProjectSlug(p.Id) == Urls.ProjectSlug(id)));

    private static string? WrongArgument(NewAnnouncementRequest request, ContentSources sources, SiteSettings site,
        string language, string kind, string? urlSlug)
    {
        var municipalities = sources.Municipalities.Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
        if (!municipalities.Contains(request.MunicipalityId))
            return $"there is no municipality `{request.MunicipalityId}` (municipalities/{request.MunicipalityId}.yml); the site has {string.Join(", ", municipalities)}";
        if (!site.Languages.Contains(language))
            return $"--lang {language} is not one of the site's languages ({string.Join(", ", site.Languages)})";
        // Letters in any script are fine, as in any file name: the address is transliterated (see Slugs).
        if (!FileNameSlug().IsMatch(request.Slug) || urlSlug is null)
            return $"`{request.Slug}` cannot name an announcement: use letters, digits and single hyphens" +
                (urlSlug is null ? "" : $", like `{urlSlug}`");
        if (request.ProjectId is { } id && !AnnouncementValidator.IsProjectId(id))
            return $"--project {id} is not a project number: letters, digits, dots, slashes and hyphens, like 9.3.1.1/18/I/003";
        if (AnnouncementKinds.Parse(kind) is null)
            return $"--kind {kind} is not one of {string.Join(", ", AnnouncementKinds.Names)}";
        return null;
    }

    [GeneratedRegex(@"^[\p{L}\p{M}\p{Nd}]+(-[\p{L}\p{M}\p{Nd}]+)*$")]
    private static partial Regex FileNameSlug();
}
