using System.Xml;
using Vestis.Output;
using Vestis.Templating;

namespace Vestis.Feeds;

/// <summary>A sitemap (sitemaps.org 0.9) with <c>xhtml:link</c> hreflang alternates for each page.</summary>
public static class SitemapWriter
{
    /// <summary>The most addresses a sitemap may list (sitemaps.org); a site with more lists its sitemaps in a sitemap index.</summary>
    public const int MaxUrls = 50_000;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly XmlWriterSettings Settings = new() { Indent = true, NewLineChars = "\n" };

    /// <summary>A sitemap index: the addresses of the sitemaps a large site is listed in.</summary>
    public static byte[] Index(IEnumerable<string> sitemaps) =>
        Utf8Document.Xml(Settings, xml =>
        {
            xml.WriteStartElement("sitemapindex", Namespace);
            foreach (var url in sitemaps)
            {
                xml.WriteStartElement("sitemap", Namespace);
                xml.WriteElementString("loc", Namespace, url);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });

    public static byte[] Write(IEnumerable<SitemapEntry> pages) =>
        Utf8Document.Xml(Settings, xml =>
        {
            const string xhtml = "http://www.w3.org/1999/xhtml";
            xml.WriteStartElement("urlset", Namespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, xhtml);
            foreach (var (url, alternates) in pages)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, url);
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
