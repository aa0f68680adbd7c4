using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Vestis.Diagnostics;
using Vestis.Markdown;

namespace Vestis.Tests;

/// <summary>
/// The vectors of OWASP's XSS Filter Evasion Cheat Sheet (and a few SVG and URL tricks), written into an
/// announcement's body and into every front-matter text. None may come out as markup that runs: each page,
/// feed and data file is parsed as a browser or a reader would, and searched for anything that executes.
/// </summary>
public sealed class XssTests
{
    public static readonly string[] Vectors =
    [
        "<script>alert('XSS')</script>",
        "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
        "'';!--\"<XSS>=&{()}",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"https://xss.example/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<SCRIPT SRC=//xss.example/.j>",
        "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
        "<iframe src=https://xss.example/scriptlet.html <",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<IMG DYNSRC=\"javascript:alert('XSS')\">",
        "<IMG LOWSRC=\"javascript:alert('XSS')\">",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
        "<svg/onload=alert('XSS')>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
        "<svg><animate attributeName=\"href\" values=\"javascript:alert(1)\" /><a><text>x</text></a></svg>",
        "<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>",
        "<svg><use href=\"data:image/svg+xml;base64,PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnJz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+#x\"/></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<TD BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.example/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
        "<form><button formaction=\"javascript:alert(1)\">X</button></form>",
        "<button formaction=\"javascript:alert(1)\">X</button>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<a href=\"java&#x0D;script:alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<audio src=x onerror=alert(1)>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<isindex action=\"javascript:alert(1)\" type=image>",
        "<object data=\"javascript:alert(1)\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\">",
        "<textarea><script>alert(1)</script></textarea>",
        "<template><script>alert(1)</script></template>",
        "<div id=\"x\" class=\"y\" data-x=\"javascript:alert(1)\" onclick=alert(1)>x</div>",
        "\"><script>alert(1)</script>",
        "'><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "]]><script>alert(1)</script>",
        "\u2028\u2029<script>alert(1)</script>",
    ];

    public static TheoryData<string> Payloads => new(Vectors);

    private static readonly string[] Forbidden =
        ["script", "iframe", "frame", "frameset", "form", "style", "object", "embed", "applet", "base", "meta", "link", "svg", "math",
         "animate", "set", "use", "isindex", "template", "noscript", "xmp"];

    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "xlink:href", "background", "dynsrc", "lowsrc", "data", "poster", "srcset", "values", "to"];

    private static readonly string[] ScriptSchemes = ["javascript:", "vbscript:", "data:", "livescript:"];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Raw_html_in_a_body_keeps_nothing_that_runs(string payload)
    {
        var renderer = new MarkdownRenderer();
        foreach (var markdown in new[] { payload, $"Teksts {payload} beigas.", $"<div>\n\n{payload}\n\n</div>" })
        {
            var html = renderer.Render(markdown, "a.md", 5, _ => null, new DiagnosticBag()).Html;
            AssertNothingRuns(new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!, html);
        }
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("[x]\n\n[x]: javascript:alert(1)")]
    [InlineData("[x](<javascript:alert(1)>)")]
    public void A_markdown_link_to_a_script_scheme_is_an_error_and_leads_nowhere(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var html = new MarkdownRenderer().Render(markdown, "a.md", 5, _ => null, diagnostics).Html;
        AssertNothingRuns(new HtmlParser().ParseDocument(html).Body!, html);
        Assert.Contains(diagnostics.Sorted(), d => d.Code is DiagnosticCodes.BrokenLink or DiagnosticCodes.RemoteResource);
    }

    [Fact]
    public void Front_matter_is_text_in_every_page_feed_and_data_file()
    {
        // Every vector lands in some front-matter text; titles and summaries cycle through all of them.
        var files = new Dictionary<string, string?>
        {
            ["municipalities/augsdaugavas-novads.yml"] = $"name: {{ lv: {Yaml(Vectors[0])}, en: {Yaml(Vectors[1])} }}\nwebsite: https://www.augsdaugava.lv\n",
        };
        for (var i = 0; i < Vectors.Length; i++)
        {
            var day = 1 + i % 28;
            var month = 1 + i / 28;
            files[$"announcements/augsdaugavas-novads/2022-{month:00}-{day:00}-x{i}.lv.md"] = $"""
                ---
                title: {Yaml(Fit(Vectors[i]))}
                date: 2022-{month:00}-{day:00}
                summary: {Yaml(Fit(Vectors[(i + 1) % Vectors.Length]))}
                tags: [{Yaml(Vectors[(i + 2) % Vectors.Length])}]
                author: {"{"} name: {Yaml(Vectors[(i + 3) % Vectors.Length])}, role: {Yaml(Vectors[(i + 4) % Vectors.Length])} {"}"}
                project: "9.3.1.1/18/I/003"
                ---
                Teksts.
                """;
        }
        files[TestSite.ProjectAnnouncement] = TestSite.BaseFiles[TestSite.ProjectAnnouncement]
            .Replace("name: Pakalpojumu infrastruktūras attīstība Ilūkstes novadā", $"name: {Yaml(Vectors[5])}\n  beneficiary: {Yaml(Vectors[6])}")
            .Replace("aims: Attīstīt sabiedrībā balstītu sociālo pakalpojumu infrastruktūru.",
                $"aims: {Yaml(Vectors[7])}\n  results: {Yaml(Vectors[8])}\n  facilities:\n    - {{ name: {Yaml(Vectors[9])}, address: {Yaml(Vectors[10])} }}");
        using var site = new TestSite(files);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));

        var parser = new HtmlParser();
        foreach (var path in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(path);
            switch (Path.GetExtension(path))
            {
                case ".html":
                    var document = parser.ParseDocument(text);
                    foreach (var script in document.Scripts)
                    {
                        Assert.True(script.Source is { } src ? src.StartsWith('/') : script.Type == "application/ld+json", $"{path}: {script.OuterHtml}");
                        if (script.Source is null)
                        {
                            Assert.DoesNotContain("</", script.Text);
                            JsonDocument.Parse(script.Text).Dispose();
                        }
                    }
                    AssertNothingRuns(document.Body!, path, allowSiteScripts: true);
                    Assert.All(document.Head!.Children.Where(e => e.LocalName is "meta" or "link" or "base"), e => AssertNoScriptUrl(e, path));
                    break;
                case ".xml":
                    // Atom content is escaped HTML: read the XML, then the HTML inside it, as a feed reader does.
                    foreach (var content in XDocument.Parse(text).Descendants().Where(e => e.Attribute("type")?.Value == "html"))
                        AssertNothingRuns(parser.ParseDocument(content.Value).Body!, path);
                    break;
                case ".json":
                    // JSON holds text, except a JSON Feed item's content_html, which a feed reader shows as HTML.
                    using (var json = JsonDocument.Parse(text))
                        foreach (var html in HtmlContent(json.RootElement))
                            AssertNothingRuns(parser.ParseDocument(html).Body!, path);
                    break;
            }
        }
        var page = parser.ParseDocument(site.Page("lv/augsdaugavas-novads/2022/x0/index.html"));
        Assert.Equal(Vectors[0], page.QuerySelector("h1")!.TextContent.Trim());
    }

    private static string Yaml(string text) => JsonSerializer.Serialize(text);

    // Titles and summaries have a length limit; the longest vectors are cut to it.
    private static string Fit(string vector) => vector.Length <= 200 ? vector : vector[..200];

    private static IEnumerable<string> HtmlContent(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(HtmlContent),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "content_html" ? [p.Value.GetString()!] : HtmlContent(p.Value)),
        _ => [],
    };

    /// <param name="allowSiteScripts">
    /// A page's own scripts (from the site, or JSON-LD) are checked by the caller; the search form, its note for
    /// browsers without script and the EU emblem are the site's own.
    /// </param>
    private static void AssertNothingRuns(IElement root, string where, bool allowSiteScripts = false)
    {
        foreach (var element in root.Descendants<IElement>().Prepend(root))
        {
            var sitesOwn = allowSiteScripts && element.LocalName switch
            {
                "script" or "noscript" => true,
                "form" => element.GetAttribute("action")!.StartsWith('/'),
                "svg" => element.HasAttribute("data-eu-emblem"),
                _ => false,
            };
            Assert.False(Forbidden.Contains(element.LocalName) && !sitesOwn,
                $"{where}: <{element.LocalName}> survived: {element.OuterHtml}");
            AssertNoScriptUrl(element, where);
        }
    }

    // A meta refresh navigates to the URL in its content; any other meta's content (og:title) is text.
    private static bool IsRefresh(IElement element, IAttr attribute) =>
        element.LocalName == "meta" && attribute.Name == "content" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase);

    private static void AssertNoScriptUrl(IElement element, string where)
    {
        foreach (var attribute in element.Attributes)
        {
            Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: {attribute.Name} survived on <{element.LocalName}>");
            Assert.NotEqual("style", attribute.Name);
            if (!UrlAttributes.Contains(attribute.Name.ToLowerInvariant()) && !IsRefresh(element, attribute)) continue;
            var url = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
            Assert.False(ScriptSchemes.Any(s => url.StartsWith(s, StringComparison.Ordinal) || url.Contains("url=" + s, StringComparison.Ordinal)),
                $"{where}: {attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>");
        }
    }
}
