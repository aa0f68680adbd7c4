using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Vestis.I18n;

namespace Vestis.Templating;

/// <summary>
/// A template context that HTML-escapes every value a template prints unless it is <see cref="Html"/>,
/// so a front-matter string can never become markup, whatever a template author writes.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    /// <summary>The UI strings of the page being rendered, for the <c>t</c> and <c>plural</c> functions.</summary>
    public UiStrings Ui { get; set; } = null!;

    /// <summary>The output a page's layout renders on, kept from page to page.</summary>
    public Utf8Output PageOutput { get; } = new();

    /// <summary>
    /// The outputs partials render on, one for each depth of nesting, kept from partial to partial: a new output for
    /// each of a build's hundred thousand partials grew a new buffer each time.
    /// </summary>
    private readonly List<StringBuilderOutput> partialOutputs = [];
    private int partialDepth;

    public HtmlTemplateContext()
    {
        StrictVariables = true;
        LoopLimit = 100_000;
        RecursiveLimit = 50;
        EnableRelaxedMemberAccess = false;
        // Scriban's default output budget (1 MiB) is smaller than real pages (the home page lists every project: 3 MB
        // at 50,000 announcements), and a page past it was cut off without a word. Output is bounded by the loop limits
        // and by the size of content files instead; a single value too long to print is an error, never a shortened text.
        OutputLimit = 0;
        OnStringLimit = ScriptLimitBehavior.Throw;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        textAsObject switch
        {
            null => this,
            Html html => Write(html.Value),
            _ => Write(Html.Escape(ObjectToString(textAsObject, false) ?? "")),
        };

    /// <summary>Makes a partial's output, empty, the context's output until <see cref="PopPartialOutput"/>.</summary>
    public void PushPartialOutput()
    {
        if (partialDepth == partialOutputs.Count) partialOutputs.Add(new StringBuilderOutput());
        var output = partialOutputs[partialDepth++];
        // Empty, even if a partial that failed left text in it.
        output.Builder.Clear();
        PushOutput(output);
    }

    public void PopPartialOutput()
    {
        PopOutput();
        partialDepth--;
    }
}
