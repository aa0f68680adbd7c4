using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using Vestis.Diagnostics;
using Vestis.I18n;

namespace Vestis.Templating;

/// <summary>
/// Renders a page: its own template, then the shared layout around it. Templates see only view models,
/// the UI strings of the page's language (<c>t "key"</c>, <c>plural "key" count</c>) and <c>partial "name" value</c>.
/// </summary>
public sealed class TemplateRenderer(TemplateCatalog catalog)
{
    /// <param name="diagnostics">Where a template error is reported: the build's, or the one page's while serving.</param>
    public string RenderPage(string templateName, PageView page, object model, UiStrings ui, DiagnosticBag diagnostics, string layout = "layouts/base")
    {
        var body = Render(templateName, page, model, ui, null, diagnostics);
        return Render(layout, page, model, ui, new Html(body), diagnostics);
    }

    private string Render(string name, PageView page, object model, UiStrings ui, Html? content, DiagnosticBag diagnostics)
    {
        if (catalog.Get(name) is not { } entry)
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, SourceSpan.File($"templates/{name}.html"), "the template is missing");
            return "";
        }
        var context = new HtmlTemplateContext();
        var globals = new ScriptObject
        {
            ["page"] = page,
            ["model"] = model,
            ["content"] = content,
        };
        globals.Import("t", new Func<string, string>(key => ui[key]));
        globals.Import("plural", new Func<string, long, string>(ui.Plural));
        globals.Import("partial", new Func<TemplateContext, string, object?, Html>((ctx, partial, value) => Partial(ctx, partial, value)));
        context.PushGlobal(globals);
        try
        {
            return entry.Template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            diagnostics.Error(DiagnosticCodes.TemplateError,
                new SourceSpan(e.Span.FileName ?? entry.Path, e.Span.Start.Line + 1, e.Span.Start.Column + 1), e.OriginalMessage);
            return "";
        }
    }

    private Html Partial(TemplateContext context, string name, object? value)
    {
        if (catalog.Get($"partials/{name}") is not { } entry)
            throw new ScriptRuntimeException(context.CurrentSpan, $"there is no partial `{name}` in templates/partials/");
        context.PushGlobal(new ScriptObject { ["it"] = value });
        try
        {
            // Render on a context writes to an output of its own and returns the text.
            return new Html(entry.Template.Render(context));
        }
        finally
        {
            context.PopGlobal();
        }
    }
}
