using System.Text;
using AngleSharp.Dom;

namespace Vestis.Audit;

/// <summary>A node of a page as the audit reads it: an element, a text or a comment.</summary>
public abstract class PageNode
{
    public PageElement? Parent { get; internal set; }

    /// <summary>The node after this one in its parent.</summary>
    public PageNode? Next { get; internal set; }
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

    /// <summary>Whether both are the same characters; a slice and an ASCII text are compared without decoding the slice.</summary>
    public bool Same(PageCharacters other)
    {
        if (text is null && other.text is { } otherText && Ascii.Equals(page.AsSpan(start, length), otherText)) return true;
        if (other.text is null && text is { } ownText && Ascii.Equals(other.page.AsSpan(other.start, other.length), ownText)) return true;
        return Text == other.Text;
    }
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

    /// <summary>The element's attribute after this one.</summary>
    public PageAttribute? Next { get; internal set; }

    /// <summary>Whether both have the same name, namespace and value.</summary>
    public bool Same(PageAttribute other) => Name == other.Name && NamespaceUri == other.NamespaceUri && value.Same(other.value);
}

/// <summary>An element, or the document itself (<see cref="PageTree.Document"/>).</summary>
/// <remarks>
/// Children and attributes are chained, each to the next: a list for each, and the array behind it, were a tenth of
/// everything a build allocated.
/// </remarks>
public sealed class PageElement(string localName, string? namespaceUri) : PageNode
{
    private PageAttribute? lastAttribute;

    public string LocalName { get; } = localName;
    public string? NamespaceUri { get; } = namespaceUri;
    public PageAttribute? FirstAttribute { get; private set; }
    public PageNode? FirstChild { get; private set; }
    public PageNode? LastChild { get; private set; }

    public IEnumerable<PageAttribute> Attributes
    {
        get
        {
            for (var attribute = FirstAttribute; attribute is not null; attribute = attribute.Next)
                yield return attribute;
        }
    }

    public IEnumerable<PageNode> Children
    {
        get
        {
            for (var child = FirstChild; child is not null; child = child.Next)
                yield return child;
        }
    }

    /// <summary>Its place in document order: an element comes after its ancestors and before its descendants.</summary>
    public int Order { get; internal set; }

    /// <summary>The value of the first attribute with this name, as <c>Element.GetAttribute</c> finds it.</summary>
    public string? Attribute(string name)
    {
        for (var attribute = FirstAttribute; attribute is not null; attribute = attribute.Next)
            if (attribute.Name == name) return attribute.Value;
        return null;
    }

    public IEnumerable<PageElement> ChildElements => Children.OfType<PageElement>();

    /// <summary>Every element below this one, in document order.</summary>
    public DescendantElements Descendants() => new(this);

    /// <summary>The text of every text node below this one, as the DOM's <c>textContent</c>.</summary>
    public string TextContent()
    {
        var text = new StringBuilder();
        void Collect(PageElement element)
        {
            for (var child = element.FirstChild; child is not null; child = child.Next)
                if (child is PageText { IsComment: false } t) text.Append(t.Data);
                else if (child is PageElement e) Collect(e);
        }
        Collect(this);
        return text.ToString();
    }

    internal void AddAttribute(PageAttribute attribute)
    {
        if (lastAttribute is null) FirstAttribute = attribute;
        else lastAttribute.Next = attribute;
        lastAttribute = attribute;
    }

    internal void Add(PageNode child)
    {
        child.Parent = this;
        if (LastChild is null) FirstChild = child;
        else LastChild.Next = child;
        LastChild = child;
    }
}

/// <summary>The elements below an element, in document order; a <c>foreach</c> walks them without allocating.</summary>
public readonly struct DescendantElements(PageElement root) : IEnumerable<PageElement>
{
    public Enumerator GetEnumerator() => new(root);

    IEnumerator<PageElement> IEnumerable<PageElement>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(PageElement root) : IEnumerator<PageElement>
    {
        // The next node to look at: an element's first child follows it, and a node without children the next node
        // after it, up to the nearest ancestor with a next sibling, but never above the root.
        private PageNode? next = root.FirstChild;

        public PageElement Current { get; private set; } = null!;

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (next is { } node)
            {
                next = node is PageElement { FirstChild: { } first } ? first : After(node);
                if (node is PageElement element)
                {
                    Current = element;
                    return true;
                }
            }
            return false;
        }

        private readonly PageNode? After(PageNode node)
        {
            while (node.Next is null)
            {
                node = node.Parent!;
                if (node is null || node == root) return null;
            }
            return node.Next;
        }

        public void Reset() => next = root.FirstChild;

        public readonly void Dispose() { }
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
