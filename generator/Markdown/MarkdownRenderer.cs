using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Vestis.Diagnostics;
using SourceSpan = Vestis.Diagnostics.SourceSpan;

namespace Vestis.Markdown;

/// <summary>An announcement body as HTML, and its first paragraph as plain text (the default summary).</summary>
public sealed record RenderedMarkdown(string Html, string FirstParagraph);

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
    private readonly ThreadLocal<HtmlSanitizer> sanitizer = new(CreateSanitizer);

    /// <param name="resolveLink">Maps a relative link to a site path, or null when it leads nowhere.</param>
    public RenderedMarkdown Render(string markdown, string sourcePath, int bodyLine, Func<string, string?> resolveLink, DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        var hasRawHtml = false;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock { Level: 1 } heading:
                    heading.Level = 2; // the page's title is its only h1
                    break;
                case LinkInline link:
                    link.Url = CheckedUrl(link.Url, link, sourcePath, bodyLine, resolveLink, diagnostics);
                    break;
                case AutolinkInline { IsEmail: false } autolink:
                    autolink.Url = CheckedUrl(autolink.Url, autolink, sourcePath, bodyLine, resolveLink, diagnostics);
                    break;
                case HtmlBlock or HtmlInline:
                    hasRawHtml = true;
                    break;
            }
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        var html = writer.ToString();
        if (hasRawHtml) html = sanitizer.Value!.Sanitize(html);
        return new RenderedMarkdown(html, FirstParagraph(document));
    }

    private static string CheckedUrl(string? url, Inline link, string sourcePath, int bodyLine, Func<string, string?> resolveLink, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrEmpty(url) || url.StartsWith('#')) return url ?? "";
        var span = new SourceSpan(sourcePath, bodyLine + link.Line, link.Column + 1);
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

    private static string FirstParagraph(MarkdownDocument document)
    {
        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        if (paragraph?.Inline is null) return "";
        var text = new StringBuilder();
        AppendText(paragraph.Inline, text);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
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

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
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
