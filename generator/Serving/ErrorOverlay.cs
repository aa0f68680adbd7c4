using System.Net;
using System.Text;
using Vestis.Diagnostics;

namespace Vestis.Serving;

/// <summary>The page <c>serve</c> shows instead of the site while it has errors: each one, where it is and what to do.</summary>
public static class ErrorOverlay
{
    public static string Html(IReadOnlyList<Diagnostic> diagnostics, string reloadScript)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var list = new StringBuilder();
        foreach (var error in errors)
            list.Append("<li><code>").Append(WebUtility.HtmlEncode($"{error.Span.Path}({error.Span.Line},{error.Span.Column})"))
                .Append("</code> <strong>").Append(error.Code).Append("</strong> ")
                .Append(WebUtility.HtmlEncode(error.Message)).Append("</li>\n");
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{errors.Count}} error(s) – vestis serve</title>
            <style>
            body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; background: #fff5f5; color: #1a1a1a; }
            main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
            h1 { color: #9b1c1c; font-size: 1.4rem; }
            li { margin: .6rem 0; }
            code { background: #fde2e2; padding: 0 .3rem; overflow-wrap: anywhere; }
            </style>
            </head>
            <body>
            <main>
            <h1>The site has {{errors.Count}} error(s)</h1>
            <p>Fix them and save: this page reloads by itself. The terminal shows the same list.</p>
            <ol>
            {{list}}</ol>
            </main>
            {{reloadScript}}</body>
            </html>

            """;
    }
}
