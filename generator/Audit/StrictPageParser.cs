using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Vestis.Audit;

/// <summary>
/// Builds the HTML5 tree of a page that keeps to plain, well-nested markup, straight from its UTF-8 bytes, and
/// declines (null) every page that strays from it: a misnested or implied end tag, a table part out of its place,
/// a form control with its own parsing rules, a named character reference beyond the five XML ones and
/// <c>&amp;nbsp;</c>, a <c>\r</c>, MathML, an SVG name the parser would adjust. Within that subset the HTML5 rules leave no choices,
/// so the tree is the one AngleSharp builds; a declined page is parsed by AngleSharp. Generated pages keep to
/// the subset, and this is several times quicker than a full parse, which was most of the audit's time.
/// </summary>
public static class StrictPageParser
{
    private static readonly HashSet<string> Void = ["area", "br", "embed", "img", "input", "wbr", "param", "source", "track", "hr", "link", "meta", "base"];

    // Start tags the subset leaves out: each has rules of its own in the HTML5 tree builder (tables, forms' controls,
    // raw text kinds, frames, MathML, elements that move or rename themselves), or would be ignored in the body.
    private static readonly HashSet<string> Declined =
    [
        "html", "head", "body", "frameset", "frame", "noframes", "template", "col", "colgroup", "select", "option", "optgroup",
        "datalist", "textarea", "xmp", "iframe", "noembed", "plaintext", "listing", "image", "isindex", "math", "nobr", "applet",
        "marquee", "object", "rb", "rp", "rt", "rtc", "keygen", "menuitem", "basefont", "bgsound", "search", "hgroup", "dialog",
    ];

    /// <summary>Start tags that close an open <c>p</c> element: the subset declines them while one is open.</summary>
    private static readonly HashSet<string> ClosesP =
    [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2",
        "h3", "h4", "h5", "h6", "pre", "listing", "form", "plaintext", "table", "hr", "xmp", "li", "dd", "dt",
    ];

    private static readonly HashSet<string> Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>
    /// The parent each part of a table needs. Elsewhere the tree builder would add a missing part or close an open
    /// one; and anything else in a table, row or row group (but white space and comments) would be moved out of it.
    /// </summary>
    private static readonly Dictionary<string, string[]> TableParents = new(StringComparer.Ordinal)
    {
        ["caption"] = ["table"], ["thead"] = ["table"], ["tbody"] = ["table"], ["tfoot"] = ["table"],
        ["tr"] = ["thead", "tbody", "tfoot"], ["td"] = ["tr"], ["th"] = ["tr"],
    };

    private static readonly HashSet<string> TableStructure = ["table", "thead", "tbody", "tfoot", "tr"];

    /// <summary>HTML start tags that end SVG content where they appear, and SVG names the parser rewrites or treats as HTML.</summary>
    private static readonly HashSet<string> DeclinedInSvg =
    [
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
        "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font", "math", "title", "desc", "foreignobject",
        "altglyph", "altglyphdef", "altglyphitem", "animatecolor", "animatemotion", "animatetransform", "clippath", "feblend",
        "fecolormatrix", "fecomponenttransfer", "fecomposite", "feconvolvematrix", "fediffuselighting", "fedisplacementmap",
        "fedistantlight", "fedropshadow", "feflood", "fefunca", "fefuncb", "fefuncg", "fefuncr", "fegaussianblur", "feimage",
        "femerge", "femergenode", "femorphology", "feoffset", "fepointlight", "fespecularlighting", "fespotlight", "fetile",
        "feturbulence", "glyphref", "lineargradient", "radialgradient", "textpath",
    ];

    /// <summary>SVG attributes the parser gives back their capitals, by their lower-case names.</summary>
    private static readonly Dictionary<string, string> SvgAttributes = new[]
    {
        "attributeName", "attributeType", "baseFrequency", "baseProfile", "calcMode", "clipPathUnits", "diffuseConstant", "edgeMode",
        "filterUnits", "glyphRef", "gradientTransform", "gradientUnits", "kernelMatrix", "kernelUnitLength", "keyPoints", "keySplines",
        "keyTimes", "lengthAdjust", "limitingConeAngle", "markerHeight", "markerUnits", "markerWidth", "maskContentUnits", "maskUnits",
        "numOctaves", "pathLength", "patternContentUnits", "patternTransform", "patternUnits", "pointsAtX", "pointsAtY", "pointsAtZ",
        "preserveAlpha", "preserveAspectRatio", "primitiveUnits", "refX", "refY", "repeatCount", "repeatDur", "requiredExtensions",
        "requiredFeatures", "specularConstant", "specularExponent", "spreadMethod", "startOffset", "stdDeviation", "stitchTiles",
        "surfaceScale", "systemLanguage", "tableValues", "targetX", "targetY", "textLength", "viewBox", "viewTarget",
        "xChannelSelector", "yChannelSelector", "zoomAndPan",
    }.ToDictionary(name => name.ToLowerInvariant(), StringComparer.Ordinal);

    private static readonly SearchValues<byte> Space = SearchValues.Create(" \t\n\f"u8);
    private static readonly SearchValues<byte> NameCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"u8);
    private static readonly SearchValues<byte> AttributeNameCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:."u8);

    private static readonly Dictionary<string, char> NamedReferences = new(StringComparer.Ordinal)
    {
        ["amp"] = '&', ["lt"] = '<', ["gt"] = '>', ["quot"] = '"', ["apos"] = '\'', ["nbsp"] = '\u00A0',
    };

    /// <summary>What the subset's rules say of a tag name, looked up once per name instead of in a set per rule and tag.</summary>
    [Flags]
    private enum Rules
    {
        Void = 1,
        Declined = 2,
        ClosesP = 4,
        Heading = 8,
        TableStructure = 16,
        DeclinedInSvg = 32,
    }

    /// <summary>A tag or attribute name, lower-cased as the tokenizer does, with the rules for it as a tag.</summary>
    private sealed class Name(string text)
    {
        public string Text { get; } = text;

        /// <summary>The name's bytes, as most pages write it: in small letters.</summary>
        public byte[] Bytes { get; } = Encoding.ASCII.GetBytes(text);

        private readonly Rules rules =
            (Void.Contains(text) ? Rules.Void : 0) | (Declined.Contains(text) ? Rules.Declined : 0) | (ClosesP.Contains(text) ? Rules.ClosesP : 0)
            | (Headings.Contains(text) ? Rules.Heading : 0) | (TableStructure.Contains(text) ? Rules.TableStructure : 0)
            | (DeclinedInSvg.Contains(text) ? Rules.DeclinedInSvg : 0);

        // Asked of AngleSharp when first needed, and only of tag names: not every attribute name is a valid element name.
        private int special;

        /// <summary>The parents a part of a table needs; null for other elements.</summary>
        public string[]? TableParents { get; } = StrictPageParser.TableParents.GetValueOrDefault(text);

        /// <summary>The name as an SVG attribute: with its capitals given back (<c>viewBox</c>).</summary>
        public string SvgAttribute { get; } = SvgAttributes.GetValueOrDefault(text, text);

        public bool Is(Rules rule) => (rules & rule) != 0;

        /// <summary>Whether the tree builder counts an HTML element of this name as special.</summary>
        public bool IsSpecial
        {
            get
            {
                if (special == 0) special = StrictPageParser.IsSpecial(Text) ? 2 : 1;
                return special == 2;
            }
        }
    }

    // Which HTML elements the tree builder counts as special (they bound the search for an open li, dd or dt),
    // taken from AngleSharp's own elements so that both parsers agree.
    private static bool IsSpecial(string name)
    {
        lock (Reference) return Reference.CreateElement(name).Flags.HasFlag(NodeFlags.Special);
    }

    private static readonly IDocument Reference = new HtmlParser().ParseDocument("");

    // Every name met so far, one instance each: most pages repeat the same few dozen.
    private static readonly ConcurrentDictionary<string, Name> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Name>.AlternateLookup<ReadOnlySpan<char>> NameLookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    // The name last met at each hash of its bytes: most lookups end here, without lower-casing the name or locking.
    // A name in capitals is not found here, and takes the longer way.
    // Workers may overwrite each other's entries; each is whole and right for its hash, or missed.
    private static readonly Name?[] Recent = new Name?[1024];

    /// <summary>A slot of <see cref="Recent"/> for a name's bytes: from its first and last eight bytes and its length.</summary>
    private static int Hash(ReadOnlySpan<byte> ascii)
    {
        ulong bits;
        if (ascii.Length >= 8)
            bits = BinaryPrimitives.ReadUInt64LittleEndian(ascii) ^ BinaryPrimitives.ReadUInt64LittleEndian(ascii[^8..]) * 31;
        else
        {
            bits = 0;
            foreach (var b in ascii) bits = bits << 8 | b;
        }
        return (int)((bits + (ulong)ascii.Length) * 0x9E37_79B9_7F4A_7C15 >> 54);
    }

    private static Name Intern(ReadOnlySpan<byte> ascii)
    {
        ref var recent = ref Recent[Hash(ascii)];
        if (recent is { } known && ascii.SequenceEqual(known.Bytes)) return known;
        // A name of any length may come: only short ones go on the stack.
        Span<char> lower = ascii.Length <= 128 ? stackalloc char[ascii.Length] : new char[ascii.Length];
        Ascii.ToLower(ascii, lower, out _);
        if (!NameLookup.TryGetValue(lower, out var name))
        {
            name = new Name(new string(lower));
            // A page that invents names does not grow the table without end.
            if (Names.Count < 10_000) name = Names.GetOrAdd(name.Text, name);
        }
        recent = name;
        return name;
    }

    /// <summary>Thrown inside the parser where the page leaves the subset; never escapes <see cref="TryParse"/>.</summary>
    private sealed class Outside : Exception;

    /// <summary>The page's tree, or null when the page strays from the subset this parser builds exactly.</summary>
    /// <param name="textsBelow">
    /// When given, texts and comments are kept only inside elements with one of these attributes, and the rest of the
    /// tree is its elements: a page's texts are most of its nodes, and a reader of the tree may need few of them. The
    /// page is checked against the subset all the same. Null keeps every node.
    /// </param>
    public static PageElement? TryParse(byte[] page, IReadOnlyList<string>? textsBelow = null)
    {
        try
        {
            return new Parse(page, textsBelow).Document();
        }
        catch (Outside)
        {
            return null;
        }
    }

    private enum Mode { Initial, BeforeHtml, BeforeHead, InHead, AfterHead, InBody, AfterBody, AfterAfterBody }

    private ref struct Parse(byte[] bytes, IReadOnlyList<string>? textsBelow)
    {
        private readonly byte[] bytes = bytes;
        private readonly ReadOnlySpan<byte> page = bytes;
        private readonly PageElement document = PageTree.Document();
        private readonly List<(PageElement Element, Name Name)> open = [];
        private int at;
        private int order;
        private Mode mode;

        // Texts are kept while at least this many elements are open: from the first open element with an attribute of
        // textsBelow to its end tag; from the start when every text is kept.
        private int keptFrom = textsBelow is null ? 0 : int.MaxValue;

        private readonly bool KeepsText => open.Count >= keptFrom;

        private static Exception Stray() => new Outside();

        public PageElement Document()
        {
            if (page.IndexOf((byte)'\r') >= 0 || page.IndexOf((byte)0) >= 0 || page.StartsWith("\uFEFF"u8)) throw Stray();
            while (at < page.Length)
            {
                var next = page[at..].IndexOf((byte)'<');
                var end = next < 0 ? page.Length : at + next;
                if (end > at) Text(at, end);
                at = end;
                if (at < page.Length) Markup();
            }
            if (mode is not (Mode.AfterBody or Mode.AfterAfterBody)) throw Stray();
            return document;
        }

        private readonly PageElement Current => open[^1].Element;

        private readonly Name CurrentName => open[^1].Name;

        private readonly PageElement Html => open[0].Element;

        private readonly bool InTableStructure => Current.NamespaceUri == PageTree.HtmlNamespace && CurrentName.Is(Rules.TableStructure);

        private void Text(int start, int end)
        {
            var span = page[start..end];
            var blank = span.IndexOfAnyExcept(Space) < 0;
            switch (mode)
            {
                case Mode.Initial or Mode.BeforeHtml or Mode.BeforeHead when blank:
                    return;
                case Mode.InBody when blank || !InTableStructure:
                case Mode.InHead or Mode.AfterHead when blank:
                    if (KeepsText) AddText(Current, Characters(start, end));
                    return;
                case Mode.AfterBody or Mode.AfterAfterBody when blank:
                    // Blank text after </body> or </html> goes into the body, by the in-body rules.
                    if (KeepsText) AddText(open[1].Element, Characters(start, end));
                    return;
                default:
                    throw Stray();
            }
        }

        private static void AddText(PageElement parent, PageCharacters text)
        {
            if (parent.LastChild is PageText { IsComment: false } last) last.Data += text.Text;
            else parent.Add(new PageText(text, comment: false));
        }

        /// <summary>Text or an attribute value with its references resolved, left as bytes to decode when read if it has none.</summary>
        private readonly PageCharacters Characters(int start, int end) => page[start..end].IndexOf((byte)'&') < 0
            ? new PageCharacters(bytes, start, end - start)
            : new PageCharacters(Decode(page[start..end]));

        private void Markup()
        {
            var rest = page[at..];
            if (rest.StartsWith("<!--"u8)) Comment();
            else if (rest.Length > 1 && rest[1] == '!') Doctype();
            else if (rest.Length > 2 && rest[1] == '/' && IsLetter(rest[2])) EndTag();
            else if (rest.Length > 1 && IsLetter(rest[1])) StartTag();
            else if (rest.Length > 1 && rest[1] is (byte)'/' or (byte)'?') throw Stray();
            else
            {
                // A "<" that opens no tag is text.
                Text(at, at + 1);
                at++;
            }
        }

        private void Comment()
        {
            var start = at + 4;
            var close = page[start..].IndexOf("-->"u8);
            if (close < 0) throw Stray();
            var data = page.Slice(start, close);
            if (data.StartsWith(">"u8) || data.StartsWith("->"u8) || data.IndexOf("--"u8) >= 0 || data.EndsWith("-"u8)) throw Stray();
            at = start + close + 3;
            if (!KeepsText) return;
            var comment = new PageText(new PageCharacters(bytes, start, close), comment: true);
            switch (mode)
            {
                case Mode.Initial or Mode.BeforeHtml or Mode.AfterAfterBody: document.Add(comment); break;
                case Mode.AfterBody: Html.Add(comment); break;
                default: Current.Add(comment); break;
            }
        }

        private void Doctype()
        {
            const string doctype = "<!doctype html>";
            if (mode != Mode.Initial || page.Length - at < doctype.Length || !Ascii.EqualsIgnoreCase(page.Slice(at, doctype.Length), doctype)) throw Stray();
            at += doctype.Length;
            mode = Mode.BeforeHtml;
        }

        private void StartTag()
        {
            at++;
            var tag = TagName();
            var name = tag.Text;
            var element = new PageElement(name, open.Count > 0 && Current.NamespaceUri == PageTree.SvgNamespace || name == "svg" ? PageTree.SvgNamespace : PageTree.HtmlNamespace);
            var selfClosing = Attributes(element);
            element.Order = ++order;
            switch (mode)
            {
                case Mode.BeforeHtml when name == "html":
                    document.Add(element);
                    Push(element, tag);
                    mode = Mode.BeforeHead;
                    return;
                case Mode.BeforeHead when name == "head":
                    Open(element, tag);
                    mode = Mode.InHead;
                    return;
                case Mode.InHead when name is "meta" or "link" or "base" or "title" or "style" or "script":
                    Insert(element, tag, selfClosing);
                    return;
                case Mode.AfterHead when name == "body":
                    Open(element, tag);
                    mode = Mode.InBody;
                    return;
                case Mode.InBody when Current.NamespaceUri == PageTree.SvgNamespace:
                    if (tag.Is(Rules.DeclinedInSvg)) throw Stray();
                    InsertSvg(element, tag, selfClosing);
                    return;
                case Mode.InBody:
                    Body(element, tag, selfClosing);
                    return;
                default:
                    throw Stray();
            }
        }

        private void Body(PageElement element, Name tag, bool selfClosing)
        {
            var name = element.LocalName;
            if (tag.Is(Rules.Declined)) throw Stray();
            if (tag.TableParents is { } parents ? !parents.Contains(Current.LocalName) : InTableStructure) throw Stray();
            if (tag.Is(Rules.ClosesP) && IsOpen("p")) throw Stray();
            if (tag.Is(Rules.Heading) && CurrentName.Is(Rules.Heading)) throw Stray();
            if (name is "a" or "button" or "form" && IsOpen(name)) throw Stray();
            if (name is "li" or "dd" or "dt")
                for (var i = open.Count - 1; i >= 0; i--)
                {
                    var (openElement, openName) = open[i];
                    if (openElement.LocalName is "li" or "dd" or "dt") throw Stray();
                    if (openElement.NamespaceUri == PageTree.HtmlNamespace && openName.IsSpecial && openElement.LocalName is not ("address" or "div" or "p")) break;
                }
            if (name == "svg")
            {
                InsertSvg(element, tag, selfClosing);
                return;
            }
            Insert(element, tag, selfClosing);
            // A newline right after <pre> is not part of its text; nor, perhaps, a reference to one, which the subset leaves out.
            if (name == "pre" && at < page.Length && page[at] == '\n') at++;
            if (name == "pre" && at < page.Length && page[at] == '&') throw Stray();
        }

        /// <summary>Inserts an SVG element at the current node; in SVG, <c>/&gt;</c> closes any element.</summary>
        private void InsertSvg(PageElement element, Name tag, bool selfClosing)
        {
            if (selfClosing) Current.Add(element);
            else Open(element, tag);
        }

        /// <summary>Inserts an HTML element at the current node, with its text when its content is raw text.</summary>
        private void Insert(PageElement element, Name tag, bool selfClosing)
        {
            var name = element.LocalName;
            if (tag.Is(Rules.Void))
            {
                Current.Add(element);
                return;
            }
            if (selfClosing) throw Stray();
            Open(element, tag);
            if (name is "script" or "style" or "title")
            {
                var close = RawTextEnd(name);
                var content = page[at..close];
                if (name == "script" && content.IndexOf("<!--"u8) >= 0) throw Stray();
                if (content.Length > 0 && KeepsText) element.Add(new PageText(name == "title" ? Characters(at, close) : new PageCharacters(bytes, at, close - at), comment: false));
                at = close;
            }
        }

        private readonly bool IsOpen(string name)
        {
            foreach (var (element, _) in open)
                if (element.LocalName == name) return true;
            return false;
        }

        private void Open(PageElement element, Name tag)
        {
            Current.Add(element);
            Push(element, tag);
        }

        private void Push(PageElement element, Name tag)
        {
            open.Add((element, tag));
            if (KeepsText) return;
            // By index: an enumerator of the interface would be an object made for every element.
            for (var i = 0; i < textsBelow!.Count; i++)
                if (element.Attribute(textsBelow[i]) is not null)
                {
                    keptFrom = open.Count;
                    return;
                }
        }

        private void Close()
        {
            open.RemoveAt(open.Count - 1);
            if (open.Count < keptFrom) keptFrom = int.MaxValue;
        }

        /// <summary>Where the raw text of <paramref name="name"/> ends: at the first end tag of the same name, in any case.</summary>
        private readonly int RawTextEnd(string name)
        {
            for (var from = at; ;)
            {
                var next = page[from..].IndexOf("</"u8);
                if (next < 0) throw Stray();
                var tag = from + next + 2;
                if (page.Length - tag > name.Length && Ascii.EqualsIgnoreCase(page.Slice(tag, name.Length), name)
                    && EndsName(page[tag + name.Length]))
                    return from + next;
                from = tag;
            }
        }

        private void EndTag()
        {
            at += 2;
            var name = TagName().Text;
            SkipSpace();
            if (at >= page.Length || page[at] != '>') throw Stray();
            at++;
            switch (mode)
            {
                case Mode.InHead when name == "head" && Current.LocalName == "head":
                    Close();
                    mode = Mode.AfterHead;
                    return;
                case Mode.InHead when open.Count > 2 && Current.LocalName == name:
                    Close();
                    return;
                case Mode.InBody when name == "body":
                    if (open.Count != 2) throw Stray();
                    mode = Mode.AfterBody;
                    return;
                case Mode.InBody when open.Count > 2 && Current.LocalName == name && name != "br":
                    Close();
                    return;
                case Mode.AfterBody when name == "html":
                    mode = Mode.AfterAfterBody;
                    return;
                default:
                    throw Stray();
            }
        }

        /// <summary>A tag's name, lower-cased as the tokenizer does; the subset keeps to letters, digits and hyphens.</summary>
        private Name TagName()
        {
            var start = at;
            var length = page[at..].IndexOfAnyExcept(NameCharacters);
            at = length < 0 ? page.Length : at + length;
            var upper = page[start..at].IndexOfAnyInRange((byte)'A', (byte)'Z') >= 0;
            if (at == start || at >= page.Length || !EndsName(page[at])) throw Stray();
            // In SVG a name in capitals may be one the parser rewrites (foreignObject): the subset keeps to lower case there.
            if (upper && open.Count > 0 && Current.NamespaceUri == PageTree.SvgNamespace) throw Stray();
            return Intern(page[start..at]);
        }

        /// <summary>Reads a start tag's attributes up to its <c>&gt;</c>; true when the tag closes itself (<c>/&gt;</c>).</summary>
        private bool Attributes(PageElement element)
        {
            var svg = element.NamespaceUri == PageTree.SvgNamespace;
            while (true)
            {
                SkipSpace();
                if (at >= page.Length) throw Stray();
                if (page[at] == '>')
                {
                    at++;
                    return false;
                }
                if (page[at] == '/')
                {
                    if (at + 1 >= page.Length || page[at + 1] != '>') throw Stray();
                    at += 2;
                    return true;
                }
                var start = at;
                var length = page[at..].IndexOfAnyExcept(AttributeNameCharacters);
                at = length < 0 ? page.Length : at + length;
                if (at == start || at >= page.Length || !(EndsName(page[at]) || page[at] == '=')) throw Stray();
                var attribute = Intern(page[start..at]);
                var name = attribute.Text;
                var value = new PageCharacters("");
                SkipSpace();
                if (at < page.Length && page[at] == '=')
                {
                    at++;
                    SkipSpace();
                    value = Value();
                }
                string? ns = null;
                if (name.Contains(':')) throw Stray();
                if (svg && name == "xmlns") ns = "http://www.w3.org/2000/xmlns/";
                else if (svg) name = attribute.SvgAttribute;
                if (element.Attribute(name) is not null) throw Stray();
                element.AddAttribute(new PageAttribute(name, ns, value));
            }
        }

        private PageCharacters Value()
        {
            if (at >= page.Length) throw Stray();
            var quote = page[at];
            if (quote is (byte)'"' or (byte)'\'')
            {
                var close = page[(at + 1)..].IndexOf(quote);
                if (close < 0) throw Stray();
                var value = Characters(at + 1, at + 1 + close);
                at += close + 2;
                // The next attribute must be set apart by white space, or the tag end.
                if (at < page.Length && !EndsName(page[at])) throw Stray();
                return value;
            }
            var start = at;
            while (at < page.Length && !IsSpace(page[at]) && page[at] != '>')
            {
                if (page[at] is (byte)'"' or (byte)'\'' or (byte)'<' or (byte)'=' or (byte)'`') throw Stray();
                at++;
            }
            if (at == start) throw Stray();
            return Characters(start, at);
        }

        private void SkipSpace()
        {
            while (at < page.Length && IsSpace(page[at])) at++;
        }

        private static bool IsLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

        /// <summary>HTML's white space, but the carriage return, which the subset leaves out.</summary>
        private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f';

        /// <summary>Whether <paramref name="b"/> ends a tag's name, an attribute, or a quoted value.</summary>
        private static bool EndsName(byte b) => IsSpace(b) || b is (byte)'/' or (byte)'>';

        /// <summary>Text with its character references resolved; the subset knows numeric ones and a few names.</summary>
        private static string Decode(ReadOnlySpan<byte> text)
        {
            var amp = text.IndexOf((byte)'&');
            var decoded = new StringBuilder(text.Length);
            while (amp >= 0)
            {
                decoded.Append(Encoding.UTF8.GetString(text[..amp]));
                text = text[(amp + 1)..];
                if (text.Length == 0 || IsSpace(text[0]) || text[0] is (byte)'<' or (byte)'&')
                    decoded.Append('&');
                else
                {
                    var semicolon = text.IndexOf((byte)';');
                    if (semicolon < 1) throw Stray();
                    decoded.Append(CharacterReference(text[..semicolon]));
                    text = text[(semicolon + 1)..];
                }
                amp = text.IndexOf((byte)'&');
            }
            decoded.Append(Encoding.UTF8.GetString(text));
            return decoded.ToString();
        }

        private static string CharacterReference(ReadOnlySpan<byte> name)
        {
            if (name[0] != '#')
                return NamedReferences.TryGetValue(Encoding.ASCII.GetString(name), out var c) ? c.ToString() : throw Stray();
            var hex = name.Length > 1 && name[1] is (byte)'x' or (byte)'X';
            var digits = name[(hex ? 2 : 1)..];
            if (digits.Length is 0 or > 6) throw Stray();
            var code = 0;
            foreach (var d in digits)
                code = code * (hex ? 16 : 10) + d switch
                {
                    >= (byte)'0' and <= (byte)'9' => d - '0',
                    >= (byte)'a' and <= (byte)'f' when hex => d - 'a' + 10,
                    >= (byte)'A' and <= (byte)'F' when hex => d - 'A' + 10,
                    _ => throw Stray(),
                };
            // Control characters, surrogates, non-characters and the Windows-1252 range are replaced by the parser.
            var plain = code is 0x09 or 0x0A or >= 0x20 and <= 0x7E or >= 0xA0 and <= 0xD7FF or >= 0xE000 and <= 0xFDCF or >= 0xFDF0 and <= 0x10FFFF
                && (code & 0xFFFE) != 0xFFFE;
            return plain ? char.ConvertFromUtf32(code) : throw Stray();
        }
    }
}
