using System.Text.Json;
using Vestis.Output;

namespace Vestis.Search;

/// <summary>One announcement as the search page finds and shows it, in final text.</summary>
/// <param name="Url">Relative to the site root, like the pages' own links.</param>
/// <param name="Municipality">A key of <see cref="SearchIndex.Municipalities"/>.</param>
/// <param name="Kind">A key of <see cref="SearchIndex.Kinds"/>.</param>
/// <param name="Project">A key of <see cref="SearchIndex.Projects"/>: the project's number.</param>
/// <param name="Language">The language of the text where it is not the index's (an announcement not translated).</param>
public sealed record SearchEntry(string Url, string Title, string Summary, string Date, string DateText,
    string Municipality, string Kind, string? Project, IReadOnlyList<string> Tags, string? Language);

/// <param name="Language">The language of the name where it is not the index's (a name given only in Latvian).</param>
public sealed record SearchName(string Text, string? Language);

/// <summary>
/// The search page's data for one language. Names that many entries share (municipalities, kinds, projects)
/// are given once and referred to by key: on a large site they would otherwise be much of the file.
/// </summary>
/// <param name="LanguageNotes">The note after an entry in another language ("(in Latvian)"), per language that occurs.</param>
public sealed record SearchIndex(
    string Language,
    IReadOnlyDictionary<string, SearchName> Municipalities,
    IReadOnlyDictionary<string, string> Kinds,
    IReadOnlyDictionary<string, SearchName> Projects,
    IReadOnlyDictionary<string, string> LanguageNotes,
    IReadOnlyList<SearchEntry> Entries);

/// <summary>
/// Writes <c>/&lt;lang&gt;/search.json</c>: compact, keys in ordinal order, letters of every script as they are
/// (only characters that could end a script or markup, such as &lt; and &amp;, are escaped).
/// </summary>
public static class SearchIndexWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JsonText.Readable };

    public static byte[] Write(SearchIndex index) =>
        Utf8Document.Json(Options, json =>
        {
            json.WriteStartObject();
            json.WriteString("language", index.Language);
            Names(json, "municipalities", index.Municipalities);
            Texts(json, "kinds", index.Kinds);
            Names(json, "projects", index.Projects);
            Texts(json, "languageNotes", index.LanguageNotes);
            json.WriteStartArray("entries");
            foreach (var e in index.Entries)
            {
                json.WriteStartObject();
                json.WriteString("url", e.Url);
                json.WriteString("title", e.Title);
                json.WriteString("summary", e.Summary);
                json.WriteString("date", e.Date);
                json.WriteString("dateText", e.DateText);
                json.WriteString("municipality", e.Municipality);
                json.WriteString("kind", e.Kind);
                if (e.Project is not null) json.WriteString("project", e.Project);
                if (e.Tags.Count > 0)
                {
                    json.WriteStrings("tags", e.Tags);
                }
                if (e.Language is not null) json.WriteString("lang", e.Language);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void Names(Utf8JsonWriter json, string property, IReadOnlyDictionary<string, SearchName> names)
    {
        json.WriteStartObject(property);
        foreach (var (key, name) in names.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject(key);
            json.WriteString("name", name.Text);
            if (name.Language is not null) json.WriteString("lang", name.Language);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void Texts(Utf8JsonWriter json, string property, IReadOnlyDictionary<string, string> texts)
    {
        json.WriteStartObject(property);
        foreach (var (key, text) in texts.OrderBy(t => t.Key, StringComparer.Ordinal))
            json.WriteString(key, text);
        json.WriteEndObject();
    }
}
