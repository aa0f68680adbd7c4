using System.Text;
using AngleSharp.Dom;

namespace Vestis.Audit;

/// <summary>A node of a page as the audit reads it: an element, a text or a comment.</summary>
public abstract class PageNode
{
    public PageElement? Parent { get; internal set; }
}

/// <summary>
/// Characters of a page: a string, or a slice of the page's UTF-8 bytes decoded when first read. The checks read few
/// of a page's texts and attribute values, and decoding them all was a third of the parse.
/// </summary>
public struct PageCharacters
{
    private string? text;
    private readonly byte[]? page;
    private readonly int start, length;

    public PageCharacters(string text) => this.text = text;

    internal PageCharacters(byte[] page, int start, int length) => (this.page, this.start, this.length) = (page, start, length);

    public string Text => text ??= Encoding.UTF8.GetString(page!, start, length);
}

/// <summary>A text or a comment, with its characters as the HTML parser decoded them.</summary>
public sealed class PageText(PageCharacters data, bool comment) : PageNode
{
    private PageCharacters data = data;

    public PageText(string data, bool comment) : this(new PageCharacters(data), comment) { }

    public string Data
    {
        get => data.Text;
        internal set => data = new PageCharacters(value);
    }

    public bool IsComment { get; } = comment;
}

/// <summary>An attribute, named as the HTML parser names it (<c>viewBox</c>, <c>xlink:href</c>).</summary>
public sealed class PageAttribute(string name, string? namespaceUri, PageCharacters value)
{
    private PageCharacters value = value;

    public PageAttribute(string name, string? namespaceUri, string value) : this(name, namespaceUri, new PageCharacters(value)) { }

    public string Name { get; } = name;
    public string? NamespaceUri { get; } = namespaceUri;
    public string Value => value.Text;

    /// <summary>Whether both have the same name, namespace and value.</summary>
    public bool Same(PageAttribute other) => Name == other.Name && NamespaceUri == other.NamespaceUri && Value == other.Value;
}

/// <summary>An element, or the document itself (<see cref="PageTree.Document"/>).</summary>
public sealed class PageElement(string localName, string? namespaceUri) : PageNode
{
    private List<PageAttribute>? attributes;
    private List<PageNode>? children;

    public string LocalName { get; } = localName;
    public string? NamespaceUri { get; } = namespaceUri;
    public IReadOnlyList<PageAttribute> Attributes => attributes ?? [];
    public IReadOnlyList<PageNode> Children => children ?? [];

    /// <summary>Its place in document order: an element comes after its ancestors and before its descendants.</summary>
    public int Order { get; internal set; }

    /// <summary>The value of the first attribute with this name, as <c>Element.GetAttribute</c> finds it.</summary>
    public string? Attribute(string name)
    {
        // The list itself, not the interface: asked of every element and attribute, a boxed enumerator each time added up.
        if (attributes is null) return null;
        foreach (var attribute in attributes)
            if (attribute.Name == name) return attribute.Value;
        return null;
    }

    public IEnumerable<PageElement> ChildElements => Children.OfType<PageElement>();

    /// <summary>Every element below this one, in document order.</summary>
    public IEnumerable<PageElement> Descendants()
    {
        // A stack of the siblings still to visit, rather than an iterator per level.
        var pending = new Stack<(PageElement Parent, int Next)>();
        pending.Push((this, 0));
        while (pending.TryPop(out var at))
            for (var i = at.Next; i < at.Parent.Children.Count; i++)
                if (at.Parent.Children[i] is PageElement child)
                {
                    yield return child;
                    pending.Push((at.Parent, i + 1));
                    pending.Push((child, 0));
                    break;
                }
    }

    /// <summary>The text of every text node below this one, as the DOM's <c>textContent</c>.</summary>
    public string TextContent()
    {
        var text = new StringBuilder();
        void Collect(PageElement element)
        {
            foreach (var child in element.Children)
                if (child is PageText { IsComment: false } t) text.Append(t.Data);
                else if (child is PageElement e) Collect(e);
        }
        Collect(this);
        return text.ToString();
    }

    internal void AddAttribute(PageAttribute attribute) => (attributes ??= []).Add(attribute);

    internal void Add(PageNode child)
    {
        child.Parent = this;
        (children ??= []).Add(child);
    }
}

/// <summary>
/// A page's tree, made by <see cref="StrictPageParser"/> when the page keeps to markup whose HTML5 tree it can
/// build exactly, and otherwise copied from AngleSharp's parse. The audit's checks read this one tree either way.
/// </summary>
public static class PageTree
{
    public const string HtmlNamespace = "http://www.w3.org/1999/xhtml";
    public const string SvgNamespace = "http://www.w3.org/2000/svg";

    /// <summary>A document node: its children are the doctype's absence, comments and the <c>html</c> element.</summary>
    public static PageElement Document() => new("#document", null);

    /// <summary>The <c>head</c> element of a document, as <c>Document.Head</c> finds it.</summary>
    public static PageElement? Head(PageElement document) => OfDocumentElement(document, "head");

    /// <summary>The <c>body</c> element of a document, as <c>Document.Body</c> finds it.</summary>
    public static PageElement? Body(PageElement document) => OfDocumentElement(document, "body");

    private static PageElement? OfDocumentElement(PageElement document, string name) =>
        document.ChildElements.FirstOrDefault()?.ChildElements.FirstOrDefault(e => e.LocalName == name && e.NamespaceUri == HtmlNamespace);

    /// <summary>The same tree as AngleSharp's document: elements, attributes, texts and comments.</summary>
    public static PageElement From(IDocument parsed)
    {
        var document = Document();
        var order = 0;
        void Copy(INode from, PageElement to)
        {
            foreach (var node in from.ChildNodes)
                switch (node)
                {
                    case IElement element:
                        var copy = new PageElement(element.LocalName, element.NamespaceUri) { Order = ++order };
                        foreach (var attribute in element.Attributes)
                            copy.AddAttribute(new PageAttribute(attribute.Name, attribute.NamespaceUri, attribute.Value));
                        to.Add(copy);
                        Copy(element, copy);
                        break;
                    case IText text: to.Add(new PageText(text.Data, comment: false)); break;
                    case IComment comment: to.Add(new PageText(comment.Data, comment: true)); break;
                }
        }
        Copy(parsed, document);
        return document;
    }
}
