using AngleSharp.Html.Parser;

namespace Vestis.Feeds;

/// <summary>
/// Makes the links and images of an announcement body absolute for a feed: a feed reader shows the body
/// away from the site, where a site-relative <c>/lv/…</c> or <c>#part</c> would lead nowhere.
/// </summary>
public static class AbsoluteLinks
{
    private static readonly string[] UrlAttributes = ["href", "src"];

    public static string Rewrite(string html, Uri page)
    {
        if (!html.Contains("href=", StringComparison.Ordinal) && !html.Contains("src=", StringComparison.Ordinal)) return html;
        var body = new HtmlParser().ParseDocument("").Body!;
        body.InnerHtml = html;
        foreach (var attribute in UrlAttributes)
            foreach (var element in body.QuerySelectorAll($"[{attribute}]"))
                if (Uri.TryCreate(page, element.GetAttribute(attribute), out var absolute))
                    element.SetAttribute(attribute, absolute.AbsoluteUri);
        return body.InnerHtml;
    }
}
