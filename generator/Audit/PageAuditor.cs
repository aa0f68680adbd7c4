using System.Collections.Concurrent;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Vestis.Diagnostics;
using Vestis.Publicity;
using Vestis.Templating;

namespace Vestis.Audit;

/// <summary>
/// The Audit stage: parses every generated page and checks that the pages about a project really carry a
/// complete EU publicity label and facts card, and that no other page carries a label. Templates are the
/// site's to edit; this stage makes sure an edit cannot silently break compliance. A failure is reported at
/// the layout that made the page, once per layout and problem, with the number of pages and an example.
/// It also checks that every page carries the site's Content-Security-Policy and loads nothing from
/// another site: readers' browsers must not be made to ask third parties for anything.
/// </summary>
/// <param name="site">The site's address: resources there are its own.</param>
public sealed class PageAuditor(TemplateCatalog templates, DiagnosticBag diagnostics, Uri site)
{
    /// <summary>The elements and attributes whose URL a browser fetches while showing the page, unasked.</summary>
    private static readonly Dictionary<string, string[]> Fetched = new(StringComparer.Ordinal)
    {
        ["img"] = ["src", "srcset"], ["source"] = ["src", "srcset"], ["script"] = ["src"], ["iframe"] = ["src"], ["frame"] = ["src"],
        ["video"] = ["src", "poster"], ["audio"] = ["src"], ["track"] = ["src"], ["object"] = ["data"], ["embed"] = ["src"],
        ["input"] = ["src"], ["image"] = ["href"], ["use"] = ["href"], ["link"] = ["href"],
    };

    /// <summary>Links that name another document rather than load one.</summary>
    private static readonly string[] NamingRelations = ["alternate", "canonical"];

    /// <summary>The facts a facts card must state, as its elements mark them with <c>data-fact</c>.</summary>
    public static readonly IReadOnlyList<string> RequiredFacts =
        ["number", "name", "beneficiary", "measure", "funds", "period", "status", "total", "eu-contribution", "eu-rate", "sources"];

    private static readonly HashSet<string> ItalicOrAbbreviating = ["i", "em", "cite", "var", "dfn", "abbr", "small"];

    // The default attribute observers load nothing here, but they parse every link's URL and more as the tree is
    // built: about a tenth of the parse, for nothing any check reads.
    private static readonly IConfiguration Parsing = Configuration.Default.Without<IAttributeObserver>();

    // The emblem as the generator draws it, per statement; read, never changed, by the workers.
    private readonly ConcurrentDictionary<string, PageElement> officialEmblems = new(StringComparer.Ordinal);

    private readonly ConcurrentBag<(string Template, string Code, string Problem, string Page)> findings = [];
    private readonly ThreadLocal<HtmlParser> parsers = new(NewParser);

    /// <summary>Audits pages one after another and reports what they lack.</summary>
    public void Audit(IEnumerable<RenderedPage> pages)
    {
        foreach (var page in pages) Check(page);
        Report();
    }

    /// <summary>Checks one page and keeps what it lacks for <see cref="Report"/>; safe to call from parallel workers.</summary>
    public void Check(RenderedPage page)
    {
        var document = Parse(page.File.Content!);
        foreach (var (code, problem) in Problems(page, document))
            findings.Add((page.Template, code, problem, page.File.Path));
    }

    /// <summary>Reports each problem found so far once per layout, with the number of pages and an example.</summary>
    public void Report()
    {
        foreach (var group in findings.GroupBy(f => (f.Template, f.Code, f.Problem)))
        {
            var examples = group.Select(f => f.Page).Order(StringComparer.Ordinal).ToList();
            var path = templates.Get(group.Key.Template)?.Path ?? $"templates/{group.Key.Template}.html";
            var where = examples.Count == 1 ? $"on {examples[0]}" : $"on {examples.Count} pages, e.g. {examples[0]}";
            diagnostics.Error(group.Key.Code, SourceSpan.File(path), $"{group.Key.Problem} ({where})");
        }
    }

    /// <summary>
    /// The page's tree: built straight from its bytes when it keeps to the strict parser's subset, with texts only in the
    /// labels and facts cards, where the checks read them; else by AngleSharp.
    /// </summary>
    private PageElement Parse(byte[] page) =>
        StrictPageParser.TryParse(page, TextsRead) ?? PageTree.From(parsers.Value!.ParseDocument(Encoding.UTF8.GetString(page)));

    /// <summary>The elements below which the checks read texts: the label (its wording, its emblem) and the facts card.</summary>
    internal static readonly string[] TextsRead = [LabelAttribute, FactsCardAttribute];

    private const string LabelAttribute = "data-eu-publicity";
    private const string FactsCardAttribute = "data-project-facts";

    private IEnumerable<(string Code, string Problem)> Problems(RenderedPage page, PageElement document)
    {
        var policy = PageTree.Head(document)?.ChildElements.FirstOrDefault(e => e.LocalName == "meta"
            && string.Equals(e.Attribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase))?.Attribute("content");
        if (policy != SecurityPolicy.ForPages)
            yield return (DiagnosticCodes.AuditSecurityPolicy, policy is null
                ? "a page has no Content-Security-Policy (<meta http-equiv=\"Content-Security-Policy\" content=\"{{ page.security_policy }}\"> in its head)"
                : "a page's Content-Security-Policy is not the site's (page.security_policy)");

        var found = new Found();
        Visit(document, found);
        foreach (var url in found.ThirdParty)
            yield return (DiagnosticCodes.AuditThirdParty, $"a page loads `{url}` from another site: readers' browsers would ask a third party for it; serve it from the site instead");

        var labels = found.Labels;
        if (page.About is null)
        {
            if (labels.Count > 0)
                yield return (DiagnosticCodes.AuditLabel, "a page about no project carries an EU publicity label (data-eu-publicity)");
        }
        else if (labels.Count != 1)
        {
            yield return (DiagnosticCodes.AuditLabel, labels.Count == 0
                ? "a page about a project has no EU publicity label (an element with data-eu-publicity)"
                : $"a page about a project has {labels.Count} EU publicity labels, where it needs one");
        }
        else
        {
            foreach (var problem in LabelProblems(labels[0], page.About.Label))
                yield return (DiagnosticCodes.AuditLabel, problem);
        }

        if (page.About is not null)
            foreach (var problem in FactsProblems(found.Cards, page.About.ProjectId))
                yield return (DiagnosticCodes.AuditFacts, problem);
    }

    /// <summary>What one walk over a page's elements finds: a query per kind of element would walk every page a dozen times.</summary>
    private sealed class Found
    {
        public List<string> ThirdParty { get; } = [];
        public List<PageElement> Labels { get; } = [];
        public List<PageElement> Cards { get; } = [];
    }

    /// <summary>Every element below <paramref name="parent"/>, in document order, as a selector query walks them.</summary>
    private void Visit(PageElement parent, Found found)
    {
        foreach (var element in parent.Descendants())
        {
            for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.Next)
                switch (attribute.Name)
                {
                    case LabelAttribute: found.Labels.Add(element); break;
                    case FactsCardAttribute: found.Cards.Add(element); break;
                }
            if (Fetched.TryGetValue(element.LocalName, out var attributes) && !(element.LocalName == "link" && NamesADocument(element)))
                foreach (var attribute in attributes)
                    if (element.Attribute(attribute) is { } value)
                        foreach (var url in Urls(value, attribute))
                            if (IsElsewhere(url) && !found.ThirdParty.Contains(url))
                                found.ThirdParty.Add(url);
        }
    }

    private IEnumerable<string> LabelProblems(PageElement label, PublicityLabel expected)
    {
        var lang = Closest(label, e => e.Attribute("lang") is not null)?.Attribute("lang");
        if (lang != expected.Language)
            yield return $"the EU label is marked lang=\"{lang}\", but its wording is in `{expected.Language}`";
        if (Closest(label, e => e.Attribute("hidden") is not null || e.Attribute("aria-hidden") == "true") is not null)
            yield return "the EU label is hidden from readers (hidden or aria-hidden)";
        if (label.Descendants().FirstOrDefault(e => ItalicOrAbbreviating.Contains(e.LocalName)) is { } styled)
            yield return $"the EU label's text is set in <{styled.LocalName}>: the statement is never italic or abbreviated";
        if (label.Descendants().Any(e => e.Attribute("style")?.Contains("italic", StringComparison.Ordinal) == true))
            yield return "the EU label's text is styled italic: the statement is never italic";

        var emblems = label.Descendants().Where(e => e.LocalName == "svg" && e.Attribute("data-eu-emblem") is not null).ToList();
        if (emblems.Count != 1)
            yield return emblems.Count == 0 ? "the EU label has no emblem (svg with data-eu-emblem)" : "the EU label has more than one emblem";
        else if (!SameTree(emblems[0], OfficialEmblem(expected.Statement)))
            yield return "the EU emblem differs from the one drawn from the official geometry, colours and accessible name";

        var text = Normalize(label.TextContent());
        foreach (var words in new[] { expected.Statement }.Concat(expected.FundReferences).Append(expected.Slogan).OfType<string>())
            if (!text.Contains(words, StringComparison.Ordinal))
                yield return $"the EU label does not say \"{words}\" in full";

        if (expected.Logo is not null)
        {
            var logo = label.Descendants().FirstOrDefault(e => e.LocalName == "img" && e.Attribute("data-national-logo") is not null);
            if (logo is null)
                yield return $"the EU label lacks the national logo `{expected.Logo.OutputPath}` (img with data-national-logo)";
            else
            {
                if (!int.TryParse(logo.Attribute("height"), out var height) || height > EuEmblem.DisplayHeight)
                    yield return $"the national logo must have a height of at most the emblem's {EuEmblem.DisplayHeight} px";
                if (emblems.Count == 1 && emblems[0].Order > logo.Order != NationalLogos.GoesBeforeEmblem(expected.Programme))
                    yield return $"the national logo must come {(NationalLogos.GoesBeforeEmblem(expected.Programme) ? "before" : "after")} the EU emblem in {expected.Programme} labels";
            }
        }
    }

    private static IEnumerable<string> FactsProblems(List<PageElement> cards, string projectId)
    {
        var card = cards.Select(StatedFacts).FirstOrDefault(facts => facts.GetValueOrDefault("number")?.TextContent().Trim() == projectId);
        if (card is null)
        {
            yield return $"the page has no facts card (data-project-facts) whose number (data-fact=\"number\") is the project's";
            yield break;
        }
        foreach (var fact in RequiredFacts)
            if (card.GetValueOrDefault(fact) is not { } element || !HasText(element))
                yield return $"the facts card does not state `{fact}` (an element with data-fact=\"{fact}\" and text)";
    }

    /// <summary>The first element in the card for each fact, as <c>[data-fact="…"]</c> would find it, in one walk.</summary>
    private static Dictionary<string, PageElement> StatedFacts(PageElement card)
    {
        var facts = new Dictionary<string, PageElement>(StringComparer.Ordinal);
        foreach (var element in card.Descendants())
            if (element.Attribute("data-fact") is { } fact)
                facts.TryAdd(fact, element);
        return facts;
    }

    /// <summary>Whether the element's text content is more than white space, without concatenating it.</summary>
    private static bool HasText(PageElement element)
    {
        for (var node = element.FirstChild; node is not null; node = node.Next)
            if (node is PageText text ? !text.IsComment && !string.IsNullOrWhiteSpace(text.Data) : HasText((PageElement)node))
                return true;
        return false;
    }

    private bool IsElsewhere(string url)
    {
        var read = Model.Urls.AsBrowsersRead(url);
        // A path from the site's root (/assets/style.css), as every page links its own files, is known without resolving it.
        if (read.StartsWith('/') && !read.StartsWith("//", StringComparison.Ordinal)) return false;
        return Uri.TryCreate(site, read, out var target) && !(target.Scheme == site.Scheme && target.Authority == site.Authority);
    }

    private static bool NamesADocument(PageElement link) =>
        (link.Attribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(r => NamingRelations.Contains(r, StringComparer.OrdinalIgnoreCase));

    /// <summary>The URLs of an attribute: one, or a <c>srcset</c>'s candidates.</summary>
    private static IEnumerable<string> Urls(string value, string attribute) => attribute == "srcset"
        ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Split(' ')[0])
        : [value.Trim()];

    private static PageElement? Closest(PageElement element, Func<PageElement, bool> matches)
    {
        for (var e = element; e is not null && e.NamespaceUri is not null; e = e.Parent)
            if (matches(e))
                return e;
        return null;
    }

    /// <summary>
    /// Whether two trees have the same nodes, names, attributes in the same order, and text: at least as strict as
    /// comparing their markup, without serialising a page's emblem to compare it.
    /// </summary>
    private static bool SameTree(PageNode a, PageNode b) => (a, b) switch
    {
        (PageText x, PageText y) => x.IsComment == y.IsComment && x.Data == y.Data,
        (PageElement x, PageElement y) => x.LocalName == y.LocalName && x.NamespaceUri == y.NamespaceUri
            && SameChains(x.FirstAttribute, y.FirstAttribute, a => a.Next, (p, q) => p.Same(q))
            && SameChains(x.FirstChild, y.FirstChild, n => n.Next, SameTree),
        _ => false,
    };

    /// <summary>Whether two chains are as long as each other, and the same link by link.</summary>
    private static bool SameChains<T>(T? x, T? y, Func<T, T?> next, Func<T, T, bool> same) where T : class
    {
        for (; x is not null && y is not null; x = next(x), y = next(y))
            if (!same(x, y)) return false;
        return x is null && y is null;
    }

    private static HtmlParser NewParser() => new(new HtmlParserOptions(), BrowsingContext.New(Parsing));

    // Parsed as the body of a page by AngleSharp, whose tree holds its texts decoded: the strict parser's would decode
    // them as first read, from every worker at once. Both parsers build the same tree (StrictPageParserTests), and a
    // page's emblem parsed by the strict one must equal this one to pass.
    private PageElement OfficialEmblem(string statement) => officialEmblems.GetOrAdd(statement, s =>
        PageTree.Body(PageTree.From(NewParser().ParseDocument($"<!DOCTYPE html><html><head></head><body>{EuEmblem.Svg(s)}</body></html>")))!.ChildElements.Single());

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
