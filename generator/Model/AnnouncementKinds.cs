namespace Vestis.Model;

/// <summary>
/// The names authors write as <c>kind:</c>, in the order they are offered. Each name is also the
/// kind's UI-string key (<c>kind.project-start</c>), so pages and authors use the same words.
/// </summary>
public static class AnnouncementKinds
{
    private static readonly (string Name, AnnouncementKind Kind)[] All =
    [
        ("news", AnnouncementKind.News),
        ("project-start", AnnouncementKind.ProjectStart),
        ("procurement", AnnouncementKind.Procurement),
        ("progress", AnnouncementKind.Progress),
        ("completion", AnnouncementKind.Completion),
    ];

    public static IEnumerable<string> Names => All.Select(k => k.Name);

    public static AnnouncementKind? Parse(string name) =>
        All.Where(k => k.Name == name).Select(k => (AnnouncementKind?)k.Kind).FirstOrDefault();

    public static string NameOf(AnnouncementKind kind) => All.First(k => k.Kind == kind).Name;
}
