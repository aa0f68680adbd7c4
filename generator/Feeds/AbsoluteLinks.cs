using AngleSharp.Html.Parser;

namespace Vestis.Feeds;

/// <summary>
/// Makes the links and images of an announcement body absolute for a feed: a feed reader shows the body
/// away from the site, where a site-relative <c>/lv/…</c> or <c>#part</c> would lead nowhere.
/// </summary>
public static class AbsoluteLinks
{
    private static readonly string[] UrlAttributes = ["href", "src"];

    // The Markdown stage resolves every relative link to a site-relative one and the body's HTML is written
    // with double quotes, so a body without these has only absolute addresses and need not be parsed.
    private static readonly string[] RelativeStarts = ["href=\"/", "src=\"/", "href=\"#"];

    public static string Rewrite(string html, Uri page)
    {
        if (!RelativeStarts.Any(start => html.Contains(start, StringComparison.Ordinal))) return html;
        var body = new HtmlParser().ParseDocument("").Body!;
        body.InnerHtml = html;
        foreach (var attribute in UrlAttributes)
            foreach (var element in body.QuerySelectorAll($"[{attribute}]"))
                if (Uri.TryCreate(page, element.GetAttribute(attribute), out var absolute))
                    element.SetAttribute(attribute, absolute.AbsoluteUri);
        return body.InnerHtml;
    }
}
