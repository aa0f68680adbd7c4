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

    /// <summary>
    /// The outputs templates render on, one for each depth of nesting (a page's template or layout, the partials they
    /// call, the partials those call), kept from render to render: a new output for each of a build's hundred thousand
    /// partials grew a new buffer each time.
    /// </summary>
    private readonly List<Utf8Output> outputs = [];
    private int depth;

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
            Html { IsUtf8: true } html when Output is Utf8Output output => Written(output, html.Utf8),
            Html html => Write(html.Value),
            _ => Write(Html.Escape(ObjectToString(textAsObject, false) ?? "")),
        };

    private HtmlTemplateContext Written(Utf8Output output, ReadOnlySpan<byte> utf8)
    {
        output.Write(utf8);
        return this;
    }

    /// <summary>Makes an output of its own, empty, the context's output until <see cref="PopOwnOutput"/>.</summary>
    public void PushOwnOutput()
    {
        if (depth == outputs.Count) outputs.Add(new Utf8Output());
        var output = outputs[depth++];
        // Empty, even if a render that failed left text in it.
        output.Clear();
        PushOutput(output);
    }

    /// <summary>What was written on the context's own output since <see cref="PushOwnOutput"/>, in UTF-8.</summary>
    public byte[] TakeOwnOutput() => outputs[depth - 1].Take();

    /// <summary>What was written on the context's own output so far, where it lies: valid until that output is written again or popped.</summary>
    public ReadOnlyMemory<byte> OwnOutput() => outputs[depth - 1].Written();

    public void PopOwnOutput()
    {
        PopOutput();
        depth--;
    }
}
