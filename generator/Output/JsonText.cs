using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Vestis.Output;

/// <summary>What the site's JSON files (data, search index, JSON-LD, feeds) write alike.</summary>
public static class JsonText
{
    /// <summary>Letters of every script stay readable; &lt;, &gt;, &amp; and quotes are escaped, so the JSON can sit inside a page.</summary>
    public static readonly JavaScriptEncoder Readable = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
