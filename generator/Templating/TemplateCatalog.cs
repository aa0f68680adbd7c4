using Scriban;
using Scriban.Syntax;
using Vestis.Diagnostics;
using Vestis.Loading;

namespace Vestis.Templating;

/// <summary>Every template under <c>templates/layouts</c> and <c>templates/partials</c>, parsed once and shared.</summary>
public sealed class TemplateCatalog
{
    /// <summary>The globals a page gives its templates; the others (<c>t</c>, <c>plural</c>, <c>partial</c>, Scriban's builtins) are the same on every page of a language.</summary>
    private static readonly HashSet<string> PageGlobals = ["page", "model", "content"];

    private readonly Dictionary<string, (Template Template, string Path)> templates;
    private readonly HashSet<string> valueOnly;

    private TemplateCatalog(Dictionary<string, (Template, string)> templates)
    {
        this.templates = templates;
        valueOnly = ValueOnlyPartials(templates);
    }

    /// <summary>A template by name, such as <c>layouts/base</c> or <c>partials/item</c>.</summary>
    public (Template Template, string Path)? Get(string name) =>
        templates.TryGetValue(name, out var t) ? t : null;

    /// <summary>
    /// Whether a partial (<c>partials/facts</c>) makes the same text from the same value in the same language: it reads
    /// no page global, and calls by name only partials that are the same.
    /// </summary>
    public bool DependsOnlyOnValue(string name) => valueOnly.Contains(name);

    private static HashSet<string> ValueOnlyPartials(Dictionary<string, (Template Template, string Path)> templates)
    {
        var calls = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, (template, _)) in templates)
        {
            var called = new List<string>();
            if (name.StartsWith("partials/", StringComparison.Ordinal) && template.Page is { } page && ReadsNoPageGlobal(page, called)) calls[name] = called;
        }
        // A partial is left out once it calls one that is not value-only, until none is left out: partials calling each
        // other in a cycle stay in, as nothing they do reads the page.
        while (calls.FirstOrDefault(c => !c.Value.All(calls.ContainsKey)).Key is { } dependent)
            calls.Remove(dependent);
        return [.. calls.Keys];
    }

    /// <summary>Whether the syntax reads none of <see cref="PageGlobals"/>; the partials it calls by name are added to <paramref name="called"/>.</summary>
    private static bool ReadsNoPageGlobal(ScriptNode node, List<string> called)
    {
        switch (node)
        {
            case ScriptFunctionCall { Target: ScriptVariableGlobal { Name: "partial" } } call:
                // Called by a name in quotes, a partial is known; called by a computed name, it could be any.
                if (call.Arguments.Count == 0 || call.Arguments[0] is not ScriptLiteral { Value: string partial }) return false;
                called.Add($"partials/{partial}");
                return call.Arguments.All(argument => ReadsNoPageGlobal(argument, called));
            case ScriptVariableGlobal variable when PageGlobals.Contains(variable.Name) || variable.Name == "partial":
            case ScriptThisExpression:
                return false;
        }
        for (var i = 0; i < node.ChildrenCount; i++)
            if (node.GetChildren(i) is { } child && !ReadsNoPageGlobal(child, called))
                return false;
        return true;
    }

    public static TemplateCatalog Load(string templatesDirectory, DiagnosticBag diagnostics)
    {
        var templates = new Dictionary<string, (Template, string)>(StringComparer.Ordinal);
        foreach (var folder in new[] { "layouts", "partials" })
        {
            var directory = Path.Join(templatesDirectory, folder);
            if (!Directory.Exists(directory)) continue;
            foreach (var file in Directory.EnumerateFiles(directory, "*.html").Order(StringComparer.Ordinal))
            {
                var display = file.Replace('\\', '/');
                var text = SourceText.Read(file, display, diagnostics);
                if (text is null) continue;
                var template = Template.Parse(text, display);
                if (template.HasErrors)
                {
                    foreach (var message in template.Messages)
                        diagnostics.Error(DiagnosticCodes.TemplateError,
                            new SourceSpan(display, message.Span.Start.Line + 1, message.Span.Start.Column + 1), message.Message);
                    continue;
                }
                templates[$"{folder}/{Path.GetFileNameWithoutExtension(file)}"] = (template, display);
            }
        }
        return new TemplateCatalog(templates);
    }
}
