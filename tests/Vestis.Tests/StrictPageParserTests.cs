using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using Vestis.Audit;

namespace Vestis.Tests;

/// <summary>
/// The audit's own parser builds exactly AngleSharp's HTML5 tree for every page it accepts, and declines the rest:
/// each page below is parsed both ways and compared node by node, attribute by attribute.
/// </summary>
public sealed class StrictPageParserTests : IClassFixture<BundledSiteTests.BuiltSite>
{
    private static readonly HtmlParser AngleSharp = new(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default.Without<IAttributeObserver>()));

    private readonly BundledSiteTests.BuiltSite site;

    public StrictPageParserTests(BundledSiteTests.BuiltSite site) => this.site = site;

    /// <summary>The tree as text; on the way, <see cref="PageElement.Descendants"/> must give the elements in document order.</summary>
    /// <param name="textsBelow">Leaves out texts and comments but those inside elements with one of these attributes.</param>
    private static string Shape(PageElement element, IReadOnlyCollection<string>? textsBelow = null)
    {
        var shape = new StringBuilder();
        var inOrder = new List<PageElement>();
        void Write(PageElement e, bool texts)
        {
            if (e != element) inOrder.Add(e);
            texts |= textsBelow?.Any(name => e.Attribute(name) is not null) ?? true;
            shape.Append('<').Append(e.NamespaceUri).Append(' ').Append(e.LocalName).Append(" #").Append(e.Order);
            foreach (var a in e.Attributes) shape.Append(' ').Append(a.NamespaceUri).Append(' ').Append(a.Name).Append("=\"").Append(a.Value).Append('"');
            shape.Append('>');
            foreach (var child in e.Children)
                if (child is PageElement c) Write(c, texts);
                else if (child is PageText t && texts) shape.Append(t.IsComment ? "<!--" : "[").Append(t.Data).Append(t.IsComment ? "-->" : "]");
            shape.Append("</>");
        }
        Write(element, texts: false);
        Assert.Equal(inOrder, element.Descendants());
        return shape.ToString();
    }

    private static string AngleSharpShape(string page) => Shape(PageTree.From(AngleSharp.ParseDocument(page)));

    [Fact]
    public void Every_page_of_the_bundled_site_is_parsed_by_the_strict_parser_into_AngleSharps_tree()
    {
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count > 30);
        var declined = new List<string>();
        foreach (var path in pages)
        {
            var bytes = File.ReadAllBytes(path);
            if (StrictPageParser.TryParse(bytes) is not { } tree)
            {
                declined.Add(Path.GetRelativePath(site.Output, path).Replace('\\', '/'));
                continue;
            }
            Assert.Equal(AngleSharpShape(Encoding.UTF8.GetString(bytes)), Shape(tree));
        }
        Assert.Empty(declined);
    }

    [Fact]
    public void Asked_for_the_audited_texts_only_the_strict_parser_builds_the_same_elements_with_texts_only_inside_labels_and_facts_cards()
    {
        var labelled = 0;
        foreach (var path in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            var whole = StrictPageParser.TryParse(bytes)!;
            var audited = StrictPageParser.TryParse(bytes, PageAuditor.TextsRead);
            Assert.NotNull(audited);
            Assert.Equal(Shape(whole, PageAuditor.TextsRead), Shape(audited));
            if (whole.Descendants().Any(e => e.Attribute("data-eu-publicity") is not null)) labelled++;
        }
        Assert.True(labelled > 5);
    }

    [Fact]
    public void Texts_are_kept_from_a_label_or_card_to_its_end_tag_and_not_after()
    {
        var page = Head + "<body><p>before</p><div lang=\"lv\" data-eu-publicity><p>in <b>the</b> label<!--c--></p>"
            + "<div data-project-facts>nested</div><img data-project-facts alt=\"\"></div><p>after</p>"
            + "<dl data-project-facts><dt>t</dt><dd>d</dd></dl>\n</body>\n<!-- after body -->\n</html>\n";
        var tree = StrictPageParser.TryParse(Encoding.UTF8.GetBytes(page), PageAuditor.TextsRead);

        Assert.NotNull(tree);
        Assert.Equal(Shape(PageTree.From(AngleSharp.ParseDocument(page)), PageAuditor.TextsRead), Shape(tree));
        Assert.Contains("[in ]<http://www.w3.org/1999/xhtml b", Shape(tree), StringComparison.Ordinal);
        Assert.DoesNotContain("after", Shape(tree), StringComparison.Ordinal);
    }

    private const string Head = "<!DOCTYPE html>\n<html lang=\"lv\">\n<head>\n<meta charset=\"utf-8\">\n<title>T &amp; t</title>\n</head>\n";

    /// <summary>Pages the strict parser must accept, each with something the tree builder does beyond copying tags.</summary>
    public static TheoryData<string> Accepted => new()
    {
        Head + "<body>\n<p>plain</p>\n</body>\n</html>\n",
        Head + "<body><pre>\nfirst line kept, the newline before it dropped</pre></body></html>",
        Head + "<body><p>a &lt; b &gt; c &quot;d&quot; &apos;e&apos; &#39;f&#39; &#x41;&#8364;&nbsp;g & h &amp i</p></body></html>".Replace("&amp i", "&amp; i"),
        Head + "<body><p title='single' data-x=unquoted CLASS=\"Upper\" hidden>x</p><img src=\"/a.png\" alt=\"\"/><br/><input disabled></body></html>",
        Head + "<body><table>\n<caption>c</caption>\n<thead><tr><th scope=\"col\">h</th></tr></thead>\n<tbody>\n<tr><td>1</td><td><b>2</b></td></tr>\n</tbody>\n</table></body></html>",
        Head + "<body><svg viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><g fill=\"#fc0\"><rect width=\"1\" height=\"1\"/><path d=\"M0 0\"></path></g></svg></body></html>",
        Head + "<body><ul><li>a<ul><li>nested</li></ul></li><li>b</li></ul><dl><dt>t</dt><dd>d</dd></dl><h1>x</h1><h2>y</h2></body></html>",
        Head + "<body><!-- a comment --><p>x<!--inside--></p>\n</body>\n<!-- after body -->\n</html>\n<!-- after html -->\n",
        Head + "<body><p>text with a < sign and <b>bold <i>both</i></b></p><script>var s = \"</p>\";</script><style>p > b { }</style></body></html>",
        Head + "<body><a href=\"/x\"><span>in a link</span></a><button type=\"button\">b</button><form action=\"/\"><label>l</label></form></body></html>",
        "<!DOCTYPE html><html><head></head><body></body></html>",
        // Pages are audited with scripting off, as AngleSharp parses them: <noscript> content is markup.
        Head + "<body><noscript><p><img src=\"https://elsewhere.example/x.png\"></p></noscript></body></html>",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void The_strict_parser_accepts_plain_markup_and_builds_AngleSharps_tree(string page)
    {
        var tree = StrictPageParser.TryParse(Encoding.UTF8.GetBytes(page));
        Assert.NotNull(tree);
        Assert.Equal(AngleSharpShape(page), Shape(tree));
    }

    [Fact]
    public void A_name_of_megabytes_is_read_without_running_out_of_stack()
    {
        // Ten megabytes as UTF-16, more than any thread's stack.
        var page = Head + "<body><p data-" + new string('x', 5_000_000) + "=\"1\">long</p></body></html>";
        var tree = StrictPageParser.TryParse(Encoding.UTF8.GetBytes(page));
        Assert.NotNull(tree);
        Assert.Equal(AngleSharpShape(page), Shape(tree));
    }

    /// <summary>Markup whose tree the HTML5 rules build with more than the tags say: the strict parser must leave it to AngleSharp.</summary>
    public static TheoryData<string> Declined => new()
    {
        Head + "<body><p>one<div>a div closes the paragraph</div></p></body></html>",
        Head + "<body><b>misnested <i>formatting</b> elements</i></body></html>",
        Head + "<body><table><tr><td>a row without a tbody gets one</td></tr></table></body></html>",
        Head + "<body><table><tbody><tr><td>x</td></tr></tbody>text in a table moves out of it</table></body></html>",
        Head + "<body><table><tbody><tr><td>a cell closed by the next<td>y</td></tr></tbody></table></body></html>",
        Head + "<body><ul><li>an item closed by the next<li>b</li></ul></body></html>",
        Head + "<body><a href=1>a link in <a href=2>a link</a></a></body></html>",
        Head + "<body><p>&copy; a named reference the subset does not know</p></body></html>",
        Head + "<body><p>&#x80; a reference the parser replaces</p></body></html>",
        Head + "<body><svg><foreignObject><div>HTML in SVG</div></foreignObject></svg></body></html>",
        Head + "<body><svg><clippath></clippath></svg></body></html>",
        Head + "<body><svg><p>an HTML tag that ends the SVG</p></svg></body></html>",
        Head + "<body><svg><use xlink:href=\"#a\"></use></svg></body></html>",
        Head + "<body><template><p data-eu-publicity>inert</p></template></body></html>",
        Head + "<body><textarea>\nt</textarea></body></html>",
        Head + "<body><div/>a self-closing div stays open</body></html>",
        Head + "<body><p a=1 a=2>duplicate attribute</p></body></html>",
        Head + "<body><p class=\"x\"id=\"y\">no space between attributes</p></body></html>",
        Head + "<body><script><!-- <script> --></script></body></html>",
        Head + "<body><p>carriage\r\nreturn</p></body></html>",
        Head + "<body><div>an unclosed div</body></html>",
        Head + "<div>a page without a body tag</div></html>",
        "<html><head></head><body>no doctype: quirks mode</body></html>",
        "<!DOCTYPE html><html><head><div>in head</div></head><body></body></html>",
        "<!DOCTYPE html><html><head></head><body><math><mi>x</mi></math></body></html>",
        "<!DOCTYPE html><html><head></head><body></body></html><p>after the html</p>",
        "<!DOCTYPE html><html><head></head><body><!-- a -- comment --></body></html>",
    };

    /// <summary>Pieces of markup, most of them ones the HTML5 tree builder treats in a way of its own.</summary>
    private static readonly string[] Pieces =
    [
        "<p>", "</p>", "<div>", "</div>", "<span class=\"x\">", "</span>", "<a href=\"/a\">", "</a>", "<b>", "</b>", "<i>", "</i>",
        "<ul>", "</ul>", "<li>", "</li>", "<dl>", "<dt>", "</dt>", "<dd>", "</dd>", "</dl>", "<h1>", "</h1>", "<h2>", "</h2>",
        "<table>", "</table>", "<tbody>", "</tbody>", "<thead>", "</thead>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>",
        "<caption>", "</caption>", "<svg viewBox=\"0 0 1 1\">", "</svg>", "<g fill=\"#fc0\">", "</g>", "<rect width=\"1\"/>",
        "<foreignObject>", "</foreignObject>", "<pre>", "</pre>", "\n", " ", "text", "&amp;", "&copy;", "&#65;", "&#x80;", "a & b",
        "<", "<!-- c -->", "<br>", "<br/>", "<img src=\"https://elsewhere.example/x.png\">", "<hr>", "<form>", "</form>",
        "<button>", "</button>", "<noscript>", "</noscript>", "<template>", "</template>", "<select>", "<option>", "</select>",
        "<script>var a = 1;</script>", "<style>p { }</style>", "<title>t</title>", "<meta charset=\"utf-8\">", "<math>", "</math>",
        "<p hidden data-eu-publicity lang=\"lv\">", "<div aria-hidden=\"true\">", "<p class=\"a\" class=\"b\">", "</body>", "<body>",
    ];

    /// <summary>Elements to nest, as their start tags, with the ones the subset leaves to AngleSharp among them.</summary>
    private static readonly string[] Elements =
    [
        "p", "div", "span", "a href=\"/a\"", "b", "i", "em", "small", "ul", "li", "dl", "dt", "dd", "h1", "h2", "section", "nav",
        "table", "tbody", "thead", "tr", "td", "th", "caption", "svg viewBox=\"0 0 1 1\"", "g", "rect", "foreignObject", "pre",
        "button", "form", "noscript", "template", "select", "option", "math", "p hidden data-eu-publicity lang=\"lv\"",
        "div aria-hidden=\"true\"",
    ];

    private static readonly string[] Texts = ["x", " ", "\n", "&amp;", "&#65;", "a & b", "<", "&nbsp;"];

    /// <summary>Markup from a list of choices: mostly elements opened and closed in order, with text, and now and then a stray piece.</summary>
    private static string Markup(int[] choices)
    {
        var markup = new StringBuilder();
        var open = new Stack<string>();
        foreach (var choice in choices)
            switch (choice % 8)
            {
                case 0 or 1 or 2:
                    var element = Elements[choice / 8 % Elements.Length];
                    markup.Append('<').Append(element).Append('>');
                    open.Push(element.Split(' ')[0]);
                    break;
                case 3 or 4 or 5:
                    if (open.TryPop(out var name)) markup.Append("</").Append(name).Append('>');
                    break;
                case 6:
                    markup.Append(Texts[choice / 8 % Texts.Length]);
                    break;
                default:
                    markup.Append(Pieces[choice / 8 % Pieces.Length]);
                    break;
            }
        while (open.TryPop(out var name)) markup.Append("</").Append(name).Append('>');
        return Head + "<body>" + markup + "</body>\n</html>\n";
    }

    [Fact]
    public void Any_markup_the_strict_parser_accepts_gets_AngleSharps_tree()
    {
        var accepted = 0;
        Gen.Int[0, 8 * 1000].Array[0, 60].Select(Markup).Sample(page =>
        {
            if (StrictPageParser.TryParse(Encoding.UTF8.GetBytes(page)) is not { } tree) return;
            Interlocked.Increment(ref accepted);
            Assert.Equal(AngleSharpShape(page), Shape(tree));
        }, iter: 60_000, threads: 2, print: page => page);
        // Much random markup strays from the subset; enough of it must be accepted for the comparison to mean something.
        Assert.InRange(accepted, 3_000, 60_000);
    }

    [Theory]
    [MemberData(nameof(Declined))]
    public void The_strict_parser_declines_markup_the_HTML5_rules_rebuild(string page) =>
        Assert.Null(StrictPageParser.TryParse(Encoding.UTF8.GetBytes(page)));
}
