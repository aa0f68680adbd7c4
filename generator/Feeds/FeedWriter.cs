using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Vestis.Model;
using Vestis.Templating;

namespace Vestis.Feeds;

/// <summary>An entry of a feed, with everything already resolved to absolute URLs and final text.</summary>
public sealed record FeedEntry(string Id, string Url, string Title, string Summary, string ContentHtml, DateOnly Published, DateOnly Updated, string Language, string? Author, IReadOnlyList<string> Tags);

/// <summary>Atom (RFC 4287) and JSON Feed 1.1 documents, written as trees so they are always well-formed.</summary>
public static class FeedWriter
{
    public static string Atom(string title, string selfUrl, string pageUrl, string language, IReadOnlyList<FeedEntry> entries)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, NewLineChars = "\n", Encoding = Encoding.UTF8 }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", ns);
            xml.WriteAttributeString("xml", "lang", null, language);
            xml.WriteElementString("title", ns, title);
            xml.WriteElementString("id", ns, selfUrl);
            xml.WriteElementString("updated", ns, Timestamp(entries.Count == 0 ? new DateOnly(2000, 1, 1) : entries.Max(e => e.Updated)));
            Link(xml, ns, "self", selfUrl, "application/atom+xml");
            Link(xml, ns, "alternate", pageUrl, "text/html");
            xml.WriteStartElement("generator", ns);
            xml.WriteString("Vestis");
            xml.WriteEndElement();
            foreach (var e in entries)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteAttributeString("xml", "lang", null, e.Language);
                xml.WriteElementString("id", ns, e.Id);
                xml.WriteElementString("title", ns, e.Title);
                Link(xml, ns, "alternate", e.Url, "text/html");
                xml.WriteElementString("published", ns, Timestamp(e.Published));
                xml.WriteElementString("updated", ns, Timestamp(e.Updated));
                if (e.Author is not null)
                {
                    xml.WriteStartElement("author", ns);
                    xml.WriteElementString("name", ns, e.Author);
                    xml.WriteEndElement();
                }
                foreach (var tag in e.Tags)
                {
                    xml.WriteStartElement("category", ns);
                    xml.WriteAttributeString("term", tag);
                    xml.WriteEndElement();
                }
                xml.WriteElementString("summary", ns, e.Summary);
                xml.WriteStartElement("content", ns);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(e.ContentHtml);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"") + "\n";
    }

    public static string Json(string title, string feedUrl, string pageUrl, string language, IReadOnlyList<FeedEntry> entries)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", title);
            json.WriteString("home_page_url", pageUrl);
            json.WriteString("feed_url", feedUrl);
            json.WriteString("language", language);
            json.WriteStartArray("items");
            foreach (var e in entries)
            {
                json.WriteStartObject();
                json.WriteString("id", e.Id);
                json.WriteString("url", e.Url);
                json.WriteString("title", e.Title);
                json.WriteString("summary", e.Summary);
                json.WriteString("content_html", e.ContentHtml);
                json.WriteString("date_published", Timestamp(e.Published));
                json.WriteString("date_modified", Timestamp(e.Updated));
                json.WriteString("language", e.Language);
                if (e.Author is not null)
                {
                    json.WriteStartArray("authors");
                    json.WriteStartObject();
                    json.WriteString("name", e.Author);
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                if (e.Tags.Count > 0)
                {
                    json.WriteStartArray("tags");
                    foreach (var tag in e.Tags) json.WriteStringValue(tag);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href, string type)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    // Content has dates, not times: an entry is stamped at midnight UTC of its date, the same on every build.
    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
