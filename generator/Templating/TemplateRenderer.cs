using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
public sealed class TemplateRenderer
{
    private readonly TemplateCatalog catalog;

    // One context per thread, reused page after page: the context caches how to read each view model's
    // members, and making a context and those caches anew for every page cost a sixth of rendering.
    private readonly ThreadLocal<HtmlTemplateContext> contexts;

    // The text of each partial that depends only on its value, by the shared view it was given and the UI strings it
    // was rendered with: the facts card of a project is on every page about it. An entry goes when its view does.
    private readonly ConditionalWeakTable<ISharedView, ConcurrentDictionary<(string Partial, UiStrings Ui), Html>> rendered = new();

    public TemplateRenderer(TemplateCatalog catalog)
    {
        this.catalog = catalog;
        contexts = new(NewContext);
    }

    public TemplateCatalog Catalog => catalog;

    /// <param name="diagnostics">Where a template error is reported: the build's, or the one page's while serving.</param>
    /// <returns>The page in UTF-8; empty when a template failed.</returns>
    public byte[] RenderPage(string templateName, PageView page, object model, UiStrings ui, DiagnosticBag diagnostics, string layout = "layouts/base")
    {
        var context = contexts.Value!;
        context.PushOwnOutput();
        if (!RenderOn(context, templateName, page, model, ui, null, diagnostics))
            return Render(layout, page, model, ui, Html.FromUtf8(ReadOnlyMemory<byte>.Empty), diagnostics) ?? [];
        // The layout renders on the next output, around the page's own text where it lies on this one: taken out as an
        // array of its own, it was a second copy of most of every page.
        // A context whose layout failed is not used again, so only a page made whole leaves it as it found it.
        if (Render(layout, page, model, ui, Html.FromUtf8(context.OwnOutput()), diagnostics) is not { } text) return [];
        context.PopOwnOutput();
        return text;
    }

    /// <summary>Renders a template on an output of its own: its text in UTF-8, or null when it failed (a template error is reported).</summary>
    private byte[]? Render(string name, PageView page, object model, UiStrings ui, Html? content, DiagnosticBag diagnostics)
    {
        var context = contexts.Value!;
        context.PushOwnOutput();
        if (!RenderOn(context, name, page, model, ui, content, diagnostics)) return null;
        var text = context.TakeOwnOutput();
        context.PopOwnOutput();
        return text;
    }

    /// <summary>Renders a template on the context's output; false when it failed (reported, and the context not used again).</summary>
    private bool RenderOn(HtmlTemplateContext context, string name, PageView page, object model, UiStrings ui, Html? content, DiagnosticBag diagnostics)
    {
        if (catalog.Get(name) is not { } entry)
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, SourceSpan.File($"templates/{name}.html"), "the template is missing");
            return false;
        }
        context.Ui = ui;
        context.PushGlobal(new ScriptObject
        {
            ["page"] = page,
            ["model"] = model,
            ["content"] = content,
        });
        try
        {
            entry.Template.Render(context);
            context.PopGlobal();
            return true;
        }
        catch (ScriptRuntimeException e)
        {
            // A context a failed render left midway is not reused.
            contexts.Value = NewContext();
            diagnostics.Error(DiagnosticCodes.TemplateError,
                new SourceSpan(e.Span.FileName ?? entry.Path, e.Span.Start.Line + 1, e.Span.Start.Column + 1), e.OriginalMessage);
            return false;
        }
    }

    /// <summary>A context with the functions templates call: <c>t</c>, <c>plural</c> and <c>partial</c>, reading the page's UI strings from the context.</summary>
    private HtmlTemplateContext NewContext()
    {
        var context = new HtmlTemplateContext();
        context.PushGlobal(new ScriptObject
        {
            ["t"] = new TemplateFunction(1, (_, a) => context.Ui[Name(context, "t", a[0])]),
            ["plural"] = new TemplateFunction(2, (_, a) => context.Ui.Plural(Name(context, "plural", a[0]), context.ToInt(context.CurrentSpan, a[1]))),
            ["partial"] = new TemplateFunction(2, (_, a) => Partial(context, Name(context, "partial", a[0]), a[1])),
        });
        return context;
    }

    /// <summary>The key or partial name a function is given: a text, or a template error.</summary>
    private static string Name(TemplateContext context, string function, object? argument) =>
        argument as string ?? throw new ScriptRuntimeException(context.CurrentSpan,
            $"`{function}` takes a name in quotes first, not {(argument is null ? "null" : context.ObjectToString(argument))}");

    private Html Partial(HtmlTemplateContext context, string name, object? value)
    {
        var template = $"partials/{name}";
        if (catalog.Get(template) is not { } entry)
            throw new ScriptRuntimeException(context.CurrentSpan, $"there is no partial `{name}` in templates/partials/");
        if (value is not ISharedView shared || !catalog.DependsOnlyOnValue(template))
            return Partial(context, entry.Template, value);
        var texts = rendered.GetOrAdd(shared, _ => new());
        return texts.TryGetValue((name, context.Ui), out var text) ? text : texts.GetOrAdd((name, context.Ui), Partial(context, entry.Template, value));
    }

    private static Html Partial(HtmlTemplateContext context, Template template, object? value)
    {
        context.PushGlobal(new ScriptObject { ["it"] = value });
        // On an output of its own, the text is the partial's alone, for the template that called it to print.
        context.PushOwnOutput();
        try
        {
            template.Render(context);
            return Html.FromUtf8(context.TakeOwnOutput());
        }
        finally
        {
            context.PopOwnOutput();
            context.PopGlobal();
        }
    }
}
