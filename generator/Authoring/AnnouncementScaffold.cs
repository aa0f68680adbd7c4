using System.Globalization;
using Vestis.Model;
using Vestis.Validation;

namespace Vestis.Authoring;

/// <summary>
/// The text of a new announcement: every field it needs with a note in the author's language, optional
/// fields an author rarely needs commented out, and a placeholder wherever only the author knows the value.
/// </summary>
internal sealed class AnnouncementScaffold(ScaffoldWords words, ProjectScaffold projects)
{
    public string Write(DateOnly date, string kind, string urlSlug, ProjectChoice project)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var kinds = string.Join(", ", AnnouncementKinds.Names.Select(k => $"{k} ({words[$"kind.{k}"]})"));
        var yaml = new NotedYaml()
            .Note("", words["new.intro"])
            .Note("", words["new.notes"])
            .Line($"title: {words.Blank("title")}", words.Note("title"))
            .Line($"date: {day}", words.Note("date"))
            .Line($"# updated: {day}", words.Note("updated"))
            .Line($"summary: {words.Blank("summary")}", words.Note("summary"))
            .Line($"kind: {kind}", $"{words.Note("kind")} {kinds}")
            .Line("tags: []", words.Note("tags"))
            .Line("author:", words.Note("author"))
            .Line($"  name: {words.Blank("author")}")
            .Line($"  role: {words.Blank("role")}", words.Note("role"))
            .Line("draft: false", words.Note("draft"))
            .Line($"# slug: {urlSlug}", words.Note("slug"));
        projects.Write(yaml, project);
        return $"---\n{yaml}---\n{Placeholder.For(words["new.placeholder.text"])}\n";
    }
}
