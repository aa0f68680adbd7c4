using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Markdig.Helpers;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;
using SourceSpan = Vestis.Diagnostics.SourceSpan;

namespace Vestis.Markdown;

/// <summary>An announcement body as HTML, and its first paragraph as plain text (the default summary).</summary>
public sealed class RenderedMarkdown(string html, string firstParagraph)
{
    private readonly Utf8Text html = new(html);

    public string Html => html.ToString();

    /// <summary>The body as a page prints it: in UTF-8, as it is held.</summary>
    public Templating.Html Body => Templating.Html.FromUtf8(html.Bytes);

    public string FirstParagraph { get; } = firstParagraph;
}

/// <summary>
/// Renders announcement bodies with one shared, immutable Markdig pipeline. Links are checked and
/// rewritten on the syntax tree; raw HTML, the only way markup can enter, goes through a sanitizer.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    // HtmlSanitizer keeps per-call state in its events; one instance per thread keeps it simple and safe.
    private readonly ThreadLocal<HtmlSanitizer> sanitizer;

    /// <summary>What this thread's sanitizer removed from the body it is cleaning: images and media from other sites.</summary>
    private readonly ThreadLocal<List<string>> removedRemote = new(() => []);

    /// <summary>The raw HTML elements that would make a reader's browser fetch their URL while showing the page.</summary>
    private static readonly string[] FetchingTags = ["img", "source", "video", "audio", "track", "input"];

    /// <summary>
    /// This thread's text for the HTML of the body it renders: a new one grew chunk by chunk to twice the size of
    /// every body's HTML: at 10k, 240 MB of the 1.4 GB the Markdown stage allocated.
    /// </summary>
    private readonly ThreadLocal<StringBuilder> htmlText = new(() => new StringBuilder());

    public MarkdownRenderer() => sanitizer = new(CreateSanitizer);

    /// <param name="resolveLink">Maps a relative link to a site path, or null when it leads nowhere.</param>
    public RenderedMarkdown Render(string markdown, string sourcePath, int bodyLine, Func<string, string?> resolveLink, DiagnosticBag diagnostics)
    {
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig's guard against input nested deeper than any text (its depth limit) throws this.
            diagnostics.Error(DiagnosticCodes.NestedTooDeep, new SourceSpan(sourcePath, bodyLine, 1), $"the text cannot be read as Markdown: {e.Message}");
            return new RenderedMarkdown("", "");
        }
        SourceSpan? firstRawHtml = null;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock { Level: 1 } heading:
                    heading.Level = 2; // the page's title is its only h1
                    break;
                case Table table:
                    AlignByClass(table);
                    break;
                case LinkInline link:
                    if (link.IsImage && string.IsNullOrWhiteSpace(PlainText(link)))
                        diagnostics.Error(DiagnosticCodes.MissingAltText, Span(link), MissingAltMessage);
                    link.Url = CheckedUrl(link.Url, link.IsImage, Span(link), resolveLink, diagnostics);
                    break;
                case AutolinkInline { IsEmail: false } autolink:
                    autolink.Url = CheckedUrl(autolink.Url, false, Span(autolink), resolveLink, diagnostics);
                    break;
                case HtmlBlock block:
                    firstRawHtml ??= Span(node);
                    ReportImagesWithoutAlt(block.Lines.ToString(), Span(node), diagnostics);
                    break;
                case HtmlInline inline:
                    firstRawHtml ??= Span(node);
                    ReportImagesWithoutAlt(inline.Tag, Span(node), diagnostics);
                    break;
                case HtmlEntityInline entity when SourceText.FindControl(entity.Transcoded.ToString()) is var control && control >= 0:
                    diagnostics.Error(DiagnosticCodes.ControlCharacter, Span(entity), SourceText.ControlMessage(entity.Transcoded.ToString()[control]));
                    entity.Transcoded = new StringSlice("\uFFFD");
                    break;
            }
        }
        using var writer = new StringWriter(htmlText.Value!.Clear(), CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        var html = writer.ToString();
        if (firstRawHtml is { } rawHtml) html = Sanitize(html, rawHtml, diagnostics);
        // An entity in raw HTML or in a link's title decodes to a character no feed can carry; where exactly, the tree does not say.
        if (SourceText.FindControl(html) is var stray && stray >= 0)
        {
            diagnostics.Error(DiagnosticCodes.ControlCharacter, firstRawHtml ?? new SourceSpan(sourcePath, bodyLine, 1), SourceText.ControlMessage(html[stray]));
            html = "";
        }
        return new RenderedMarkdown(html, FirstParagraph(document));

        SourceSpan Span(MarkdownObject node) => new(sourcePath, bodyLine + node.Line, node.Column + 1);
    }

    private string Sanitize(string html, SourceSpan rawHtml, DiagnosticBag diagnostics)
    {
        var removed = removedRemote.Value!;
        removed.Clear();
        var clean = sanitizer.Value!.Sanitize(html);
        foreach (var url in removed)
            diagnostics.Error(DiagnosticCodes.RemoteResource, rawHtml, RemoteMessage(url));
        return clean;
    }

    private static string CheckedUrl(string? url, bool image, SourceSpan span, Func<string, string?> resolveLink, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrEmpty(url) || url.StartsWith('#')) return url ?? "";
        if (image && IsRemote(url))
        {
            diagnostics.Error(DiagnosticCodes.RemoteResource, span, RemoteMessage(url));
            return "";
        }
        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (colon > 0 && (slash < 0 || colon < slash))
        {
            var scheme = url[..colon].ToLowerInvariant();
            if (SafeSchemes.Contains(scheme)) return url;
            diagnostics.Error(DiagnosticCodes.BrokenLink, span, $"links may use {string.Join(", ", SafeSchemes)}; `{scheme}:` is not allowed");
            return "#";
        }
        if (url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith('/')) return url;
        var resolved = resolveLink(url);
        if (resolved is not null) return resolved;
        diagnostics.Error(DiagnosticCodes.BrokenLink, span,
            $"link `{url}` leads nowhere: a relative link must name an announcement file (.md) or a file in this announcement's own folder");
        return "#";
    }

    /// <summary>
    /// Moves a table's column alignment from the <c>style</c> attribute Markdig writes to a class
    /// (<c>align-right</c>): the pages' Content-Security-Policy allows no inline styles.
    /// </summary>
    private static void AlignByClass(Table table)
    {
        foreach (var row in table.OfType<TableRow>())
            for (var i = 0; i < row.Count; i++)
            {
                var cell = (TableCell)row[i];
                var column = cell.ColumnIndex >= 0 ? cell.ColumnIndex : i;
                if (column < table.ColumnDefinitions.Count && table.ColumnDefinitions[column].Alignment is { } alignment)
                    cell.GetAttributes().AddClass("align-" + alignment.ToString().ToLowerInvariant());
            }
        foreach (var column in table.ColumnDefinitions) column.Alignment = null;
    }

    /// <summary>
    /// An address on another site (<c>https://…</c>, <c>//host/…</c>, or what browsers read as one, <c>/\host/…</c>):
    /// an image from there is fetched by every reader.
    /// </summary>
    private static bool IsRemote(string url)
    {
        var read = Urls.AsBrowsersRead(url);
        return read.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(read, UriKind.Absolute, out var absolute) && !absolute.IsFile;
    }

    private static string RemoteMessage(string url) =>
        $"the image `{url}` is on another site: every reader's browser would ask that site for it. Put the file in the announcement's folder and use its name (`![what it shows](photo.jpg)`)";

    // Announcements inform; none of their pictures is decoration, so an empty alt is as wrong as none (WCAG 1.1.1).
    private const string MissingAltMessage =
        "an image needs a text that says what it shows, for readers who cannot see it: `![Dienas centra ieeja](ieeja.jpg)` or `<img src=\"ieeja.jpg\" alt=\"Dienas centra ieeja\">`";

    /// <summary>Raw HTML images without alt text, reported where the raw HTML starts.</summary>
    private static void ReportImagesWithoutAlt(string rawHtml, SourceSpan span, DiagnosticBag diagnostics)
    {
        if (!rawHtml.Contains("<img", StringComparison.OrdinalIgnoreCase)) return;
        foreach (var image in new HtmlParser().ParseDocument(rawHtml).QuerySelectorAll("img"))
            if (string.IsNullOrWhiteSpace(image.GetAttribute("alt"))) diagnostics.Error(DiagnosticCodes.MissingAltText, span, MissingAltMessage);
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        AppendText(container, text);
        return text.ToString();
    }

    private static string FirstParagraph(MarkdownDocument document)
    {
        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        if (paragraph?.Inline is null) return "";
        return string.Join(' ', PlainText(paragraph.Inline).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AppendText(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case AutolinkInline auto: text.Append(auto.Url); break;
                case ContainerInline child: AppendText(child, text); break;
            }
        }
    }

    private HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } url && FetchingTags.Contains(e.Tag.LocalName) && IsRemote(url))
            {
                removedRemote.Value!.Add(url);
                e.SanitizedUrl = null;
            }
        };
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in SafeSchemes) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("iframe");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("id");
        return sanitizer;
    }
}
