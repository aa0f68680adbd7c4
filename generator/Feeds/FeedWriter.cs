using System.Globalization;
using System.Text.Json;
using System.Xml;
using Vestis.Model;
using Vestis.Output;
using Vestis.Templating;

namespace Vestis.Feeds;

/// <summary>An entry of a feed, with everything already resolved to absolute URLs and final text.</summary>
/// <param name="Categories">The announcement's kind and tags, in its language.</param>
public sealed record FeedEntry(string Id, string Url, string Title, string Summary, string ContentHtml, DateOnly Published, DateOnly Updated, string Language, string? Author, IReadOnlyList<string> Categories);

/// <summary>What a feed says of itself.</summary>
/// <param name="Author">Who publishes it (the site, or the municipality): the author of entries that name none.</param>
public sealed record FeedHead(string Title, string Author, string SelfUrl, string PageUrl, string Language);

/// <summary>Atom (RFC 4287) and JSON Feed 1.1 documents, written as trees so they are always well-formed.</summary>
public static class FeedWriter
{
    public static byte[] Atom(FeedHead head, IReadOnlyList<FeedEntry> entries) =>
        Utf8Document.Xml(new XmlWriterSettings { Indent = true, NewLineChars = "\n" }, xml =>
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", ns);
            xml.WriteAttributeString("xml", "lang", null, head.Language);
            xml.WriteElementString("title", ns, head.Title);
            xml.WriteElementString("id", ns, head.SelfUrl);
            xml.WriteElementString("updated", ns, Timestamp(entries.Count == 0 ? new DateOnly(2000, 1, 1) : entries.Max(e => e.Updated)));
            Link(xml, ns, "self", head.SelfUrl, "application/atom+xml");
            Link(xml, ns, "alternate", head.PageUrl, "text/html");
            AtomAuthor(xml, ns, head.Author);
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
                if (e.Author is not null) AtomAuthor(xml, ns, e.Author);
                foreach (var tag in e.Categories)
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
        });

    public static byte[] Json(FeedHead head, IReadOnlyList<FeedEntry> entries) =>
        Utf8Document.Json(new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }, json =>
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", head.Title);
            json.WriteString("home_page_url", head.PageUrl);
            json.WriteString("feed_url", head.SelfUrl);
            json.WriteString("language", head.Language);
            JsonAuthors(json, head.Author);
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
                if (e.Author is not null) JsonAuthors(json, e.Author);
                if (e.Categories.Count > 0)
                {
                    json.WriteStrings("tags", e.Categories);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void AtomAuthor(XmlWriter xml, string ns, string name)
    {
        xml.WriteStartElement("author", ns);
        xml.WriteElementString("name", ns, name);
        xml.WriteEndElement();
    }

    private static void JsonAuthors(Utf8JsonWriter json, string name)
    {
        json.WriteStartArray("authors");
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteEndObject();
        json.WriteEndArray();
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
