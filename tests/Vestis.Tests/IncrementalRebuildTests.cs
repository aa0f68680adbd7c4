using System.Text;
using Vestis.Diagnostics;
using Vestis.Serving;

namespace Vestis.Tests;

/// <summary>
/// A rebuild while serving looks again only at the paths the watcher names and takes the rest from the build
/// before: whatever a named path is (an announcement, settings, a template, a folder), its effect shows on every
/// page; what the watcher could not name (its buffer overflowed) is found by walking the folder again.
/// </summary>
public sealed class IncrementalRebuildTests : IDisposable
{
    private const string Announcement = "lv/ilukstes-novads/2019/projekts/index.html";
    private const string English = "announcements/ilukstes-novads/2019-09-19-projekts.en.md";
    private const string EnglishPage = "en/ilukstes-novads/2019/project-begins/index.html";
    private const string ProjectPage = "lv/projects/9.3.1.1-18-i-003/index.html";
    private const string Attachment = "announcements/ilukstes-novads/2019-09-19-projekts/plans.pdf";
    private const string AttachmentUrl = "files/ilukstes-novads/2019-09-19-projekts/plans.pdf";

    private const string Added = "announcements/augsdaugavas-novads/2026-01-05-jauns.lv.md";

    private readonly TestSite site = new(new Dictionary<string, string?>
    {
        [Attachment] = "%PDF-1.4 first",
        [Added] = "---\ntitle: Jauns paziņojums\ndate: 2026-01-05\n---\nTeksts.\n",
    });
    private readonly TestTemplates templates = new();
    private readonly LiveSite live;

    public IncrementalRebuildTests()
    {
        live = new LiveSite(new BuildOptions(site.Content, templates.Root, null, true, new DateOnly(2026, 11, 23), 2));
        Assert.False(live.Rebuild().Failed);
    }

    public void Dispose()
    {
        site.Dispose();
        templates.Dispose();
    }

    private string Full(string relative) => Path.Join(site.Content, relative);

    private static string Text(SiteSnapshot snapshot, string path) =>
        Encoding.UTF8.GetString((snapshot.Get(path) ?? throw new Xunit.Sdk.XunitException($"{path} is not served")).Content);

    [Fact]
    public void A_file_the_watcher_names_is_read_again_even_with_its_old_size_and_time()
    {
        var path = Full(TestSite.ProjectAnnouncement);
        var time = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("uzsākta projekta", "uzsākta projekts"));
        File.SetLastWriteTimeUtc(path, time);

        var snapshot = live.Rebuild([path]);

        Assert.Contains("<h1>Tiek uzsākta projekts realizācija</h1>", Text(snapshot, Announcement));
        Assert.Contains("Tiek uzsākta projekts realizācija</a>", Text(snapshot, "lv/ilukstes-novads/index.html"));
    }

    [Fact]
    public void When_the_watcher_cannot_say_what_changed_every_file_is_looked_at_again()
    {
        site.Write(TestSite.ProjectAnnouncement, TestSite.BaseFiles[TestSite.ProjectAnnouncement].Replace("Tiek uzsākta projekta realizācija", "Projekts sākas"));
        site.Write("announcements/augsdaugavas-novads/2026-01-06-cits.lv.md", "---\ntitle: Vēl viens paziņojums\ndate: 2026-01-06\n---\nTeksts.\n");

        var snapshot = live.Rebuild(null);

        Assert.Contains("<h1>Projekts sākas</h1>", Text(snapshot, Announcement));
        Assert.Contains("<h1>Vēl viens paziņojums</h1>", Text(snapshot, "lv/augsdaugavas-novads/2026/cits/index.html"));
    }

    [Fact]
    public void A_deleted_file_leaves_the_site_and_a_renamed_one_is_served_at_its_new_address()
    {
        File.Delete(Full(English));
        var withoutEnglish = live.Rebuild([Full(English)]);
        Assert.False(withoutEnglish.Has(EnglishPage));
        Assert.DoesNotContain("project-begins", Text(withoutEnglish, Announcement));

        var renamed = Full("announcements/augsdaugavas-novads/2026-01-05-atjaunots.lv.md");
        File.Move(Full(Added), renamed);
        var snapshot = live.Rebuild([Full(Added), renamed]);
        Assert.False(snapshot.Has("lv/augsdaugavas-novads/2026/jauns/index.html"));
        Assert.Contains("<h1>Jauns paziņojums</h1>", Text(snapshot, "lv/augsdaugavas-novads/2026/atjaunots/index.html"));
    }

    [Fact]
    public void A_folder_the_watcher_names_is_walked_for_the_files_in_it()
    {
        // The watcher may see a new folder before it can watch it, and so miss the files made in it at once.
        var folder = Full("announcements/augsdaugavas-novads/2026-01-05-jauns");
        site.Write(Added, "---\ntitle: Jauns paziņojums\ndate: 2026-01-05\n---\n[Plāns](2026-01-05-jauns/plans.pdf)\n");
        site.Write("announcements/augsdaugavas-novads/2026-01-05-jauns/plans.pdf", "%PDF-1.4");
        var added = live.Rebuild([folder, Full(Added)]);
        Assert.False(added.Failed);
        Assert.True(added.Has("files/augsdaugavas-novads/2026-01-05-jauns/plans.pdf"));

        // A renamed folder vanishes from where it was, with the files in it.
        var renamed = Full("announcements/ilukstes-novads/plani");
        Directory.Move(Full("announcements/ilukstes-novads/2019-09-19-projekts"), renamed);
        var moved = live.Rebuild([Full("announcements/ilukstes-novads/2019-09-19-projekts"), renamed]);
        Assert.False(moved.Has(AttachmentUrl));
        Assert.Contains(moved.Diagnostics, d => d.Code == DiagnosticCodes.UnexpectedFile && d.Span.Path.EndsWith("ilukstes-novads/plani/plans.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_municipalities_and_measures_show_on_pages_whose_announcements_did_not_change()
    {
        site.Write("site.yml", TestSite.BaseFiles["site.yml"].Replace("lv: Paziņojumi", "lv: Projektu ziņas"));
        site.Write("municipalities/ilukstes-novads.yml", TestSite.BaseFiles["municipalities/ilukstes-novads.yml"].Replace("lv: Ilūkstes novads", "lv: Bijušais Ilūkstes novads"));
        site.Write("measures.yml", TestSite.BaseFiles["measures.yml"].Replace("lv: Pakalpojumu infrastruktūras attīstība", "lv: Sociālo pakalpojumu attīstība"));

        var snapshot = live.Rebuild([Full("site.yml"), Full("municipalities/ilukstes-novads.yml"), Full("measures.yml")]);

        var page = Text(snapshot, Announcement);
        Assert.Contains("Projektu ziņas", page);
        Assert.Contains("Bijušais Ilūkstes novads", page);
        Assert.Contains("9.3.1.1 Sociālo pakalpojumu attīstība", Text(snapshot, ProjectPage));
    }

    [Fact]
    public void An_edit_shows_on_the_pages_of_its_translations_and_its_project()
    {
        site.Write(TestSite.ProjectAnnouncement, TestSite.BaseFiles[TestSite.ProjectAnnouncement].Replace("kind: project-start", "kind: progress"));
        site.Write(English, TestSite.BaseFiles[English].Replace("A day care centre for 14 people.", "A day care centre for 16 people."));

        var snapshot = live.Rebuild([Full(TestSite.ProjectAnnouncement), Full(English)]);

        Assert.Contains("Project progress", Text(snapshot, EnglishPage));
        Assert.Contains("A day care centre for 16 people.", Text(snapshot, "en/projects/9.3.1.1-18-i-003/index.html"));
    }

    [Fact]
    public void A_template_or_a_UI_string_the_watcher_names_shows_on_every_page()
    {
        templates.Edit("layouts/announcement.html", t => t.Replace("<div class=\"body\">", "<div class=\"body\" data-edited>"));
        templates.Edit("i18n/lv.yml", t => t.Replace("latest: Jaunākie paziņojumi", "latest: Pēdējās ziņas"));

        var snapshot = live.Rebuild([Path.Join(templates.Root, "layouts/announcement.html"), Path.Join(templates.Root, "i18n/lv.yml")]);

        Assert.Contains("<div class=\"body\" data-edited>", Text(snapshot, Announcement));
        Assert.Contains("Pēdējās ziņas", Text(snapshot, "lv/index.html"));
    }

    [Fact]
    public void A_changed_attachment_is_served_as_it_is_now()
    {
        File.WriteAllText(Full(Attachment), "%PDF-1.4 second");

        var snapshot = live.Rebuild([Full(Attachment)]);

        Assert.Equal("%PDF-1.4 second", Text(snapshot, AttachmentUrl));
    }
}
