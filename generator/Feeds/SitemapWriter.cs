using System.Xml;
using Vestis.Output;
using Vestis.Templating;

namespace Vestis.Feeds;

/// <summary>A sitemap (sitemaps.org 0.9) with <c>xhtml:link</c> hreflang alternates for each page.</summary>
public static class SitemapWriter
{
    public static byte[] Write(IEnumerable<SitemapEntry> pages) =>
        Utf8Document.Xml(new XmlWriterSettings { Indent = true, NewLineChars = "\n" }, xml =>
        {
            const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            const string xhtml = "http://www.w3.org/1999/xhtml";
            xml.WriteStartElement("urlset", ns);
            xml.WriteAttributeString("xmlns", "xhtml", null, xhtml);
            foreach (var (url, alternates) in pages)
            {
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, url);
                foreach (var alternate in alternates)
                {
                    xml.WriteStartElement("xhtml", "link", xhtml);
                    xml.WriteAttributeString("rel", "alternate");
                    xml.WriteAttributeString("hreflang", alternate.Hreflang);
                    xml.WriteAttributeString("href", alternate.Href);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
}
