using Scriban;
using Vestis.Diagnostics;
using Vestis.Loading;

namespace Vestis.Templating;

/// <summary>Every template under <c>templates/layouts</c> and <c>templates/partials</c>, parsed once and shared.</summary>
public sealed class TemplateCatalog
{
    private readonly Dictionary<string, (Template Template, string Path)> templates;

    private TemplateCatalog(Dictionary<string, (Template, string)> templates) => this.templates = templates;

    /// <summary>A template by name, such as <c>layouts/base</c> or <c>partials/item</c>.</summary>
    public (Template Template, string Path)? Get(string name) =>
        templates.TryGetValue(name, out var t) ? t : null;

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
