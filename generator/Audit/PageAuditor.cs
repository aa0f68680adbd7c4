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
public sealed class PageAuditor(TemplateCatalog templates, DiagnosticBag diagnostics, int maxParallelism, Uri site)
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

    private static readonly string[] ItalicOrAbbreviating = ["i", "em", "cite", "var", "dfn", "abbr", "small"];

    // The default attribute observers load nothing here, but they parse every link's URL and more as the tree is
    // built: about a tenth of the parse, for nothing any check reads.
    private static readonly IConfiguration Parsing = Configuration.Default.Without<IAttributeObserver>();

    // The emblem as the generator draws it, per statement, serialised the way the parser serialises pages.
    private readonly ConcurrentDictionary<string, string> officialEmblems = new(StringComparer.Ordinal);

    /// <param name="auditedOne">Called as each page is done, from parallel workers.</param>
    public void Audit(IReadOnlyList<RenderedPage> pages, Action? auditedOne = null)
    {
        var findings = new ConcurrentBag<(string Template, string Code, string Problem, string Page)>();
        Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, NewParser, (page, _, parser) =>
        {
            var document = parser.ParseDocument(Encoding.UTF8.GetString(page.File.Content!));
            foreach (var (code, problem) in Problems(page, document))
                findings.Add((page.Template, code, problem, page.File.Path));
            auditedOne?.Invoke();
            return parser;
        }, _ => { });

        foreach (var group in findings.GroupBy(f => (f.Template, f.Code, f.Problem)))
        {
            var examples = group.Select(f => f.Page).Order(StringComparer.Ordinal).ToList();
            var path = templates.Get(group.Key.Template)?.Path ?? $"templates/{group.Key.Template}.html";
            var where = examples.Count == 1 ? $"on {examples[0]}" : $"on {examples.Count} pages, e.g. {examples[0]}";
            diagnostics.Error(group.Key.Code, SourceSpan.File(path), $"{group.Key.Problem} ({where})");
        }
    }

    private IEnumerable<(string Code, string Problem)> Problems(RenderedPage page, IDocument document)
    {
        var policy = document.Head?.Children.FirstOrDefault(e => e.LocalName == "meta"
            && string.Equals(e.GetAttribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase))?.GetAttribute("content");
        if (policy != SecurityPolicy.ForPages)
            yield return (DiagnosticCodes.AuditSecurityPolicy, policy is null
                ? "a page has no Content-Security-Policy (<meta http-equiv=\"Content-Security-Policy\" content=\"{{ page.security_policy }}\"> in its head)"
                : "a page's Content-Security-Policy is not the site's (page.security_policy)");
        foreach (var url in ThirdPartyResources(document))
            yield return (DiagnosticCodes.AuditThirdParty, $"a page loads `{url}` from another site: readers' browsers would ask a third party for it; serve it from the site instead");

        var labels = document.QuerySelectorAll("[data-eu-publicity]");
        if (page.About is null)
        {
            if (labels.Length > 0)
                yield return (DiagnosticCodes.AuditLabel, "a page about no project carries an EU publicity label (data-eu-publicity)");
        }
        else if (labels.Length != 1)
        {
            yield return (DiagnosticCodes.AuditLabel, labels.Length == 0
                ? "a page about a project has no EU publicity label (an element with data-eu-publicity)"
                : $"a page about a project has {labels.Length} EU publicity labels, where it needs one");
        }
        else
        {
            foreach (var problem in LabelProblems(labels[0], page.About.Label))
                yield return (DiagnosticCodes.AuditLabel, problem);
        }

        if (page.About is not null)
            foreach (var problem in FactsProblems(document, page.About.ProjectId))
                yield return (DiagnosticCodes.AuditFacts, problem);
    }

    private IEnumerable<string> LabelProblems(IElement label, PublicityLabel expected)
    {
        var lang = label.Closest("[lang]")?.GetAttribute("lang");
        if (lang != expected.Language)
            yield return $"the EU label is marked lang=\"{lang}\", but its wording is in `{expected.Language}`";
        if (label.Closest("[hidden], [aria-hidden=true]") is not null)
            yield return "the EU label is hidden from readers (hidden or aria-hidden)";
        if (label.QuerySelector(string.Join(", ", ItalicOrAbbreviating)) is { } styled)
            yield return $"the EU label's text is set in <{styled.LocalName}>: the statement is never italic or abbreviated";
        if (label.QuerySelector("[style*=italic]") is not null)
            yield return "the EU label's text is styled italic: the statement is never italic";

        var emblems = label.QuerySelectorAll("svg[data-eu-emblem]");
        if (emblems.Length != 1)
            yield return emblems.Length == 0 ? "the EU label has no emblem (svg with data-eu-emblem)" : "the EU label has more than one emblem";
        else if (emblems[0].OuterHtml != OfficialEmblem(expected.Statement))
            yield return "the EU emblem differs from the one drawn from the official geometry, colours and accessible name";

        var text = Normalize(label.TextContent);
        foreach (var words in new[] { expected.Statement }.Concat(expected.FundReferences).Append(expected.Slogan).OfType<string>())
            if (!text.Contains(words, StringComparison.Ordinal))
                yield return $"the EU label does not say \"{words}\" in full";

        if (expected.Logo is not null)
        {
            var logo = label.QuerySelector("img[data-national-logo]");
            if (logo is null)
                yield return $"the EU label lacks the national logo `{expected.Logo.OutputPath}` (img with data-national-logo)";
            else
            {
                if (!int.TryParse(logo.GetAttribute("height"), out var height) || height > EuEmblem.DisplayHeight)
                    yield return $"the national logo must have a height of at most the emblem's {EuEmblem.DisplayHeight} px";
                if (emblems.Length == 1 && logo.CompareDocumentPosition(emblems[0]).HasFlag(DocumentPositions.Following) != NationalLogos.GoesBeforeEmblem(expected.Programme))
                    yield return $"the national logo must come {(NationalLogos.GoesBeforeEmblem(expected.Programme) ? "before" : "after")} the EU emblem in {expected.Programme} labels";
            }
        }
    }

    private static IEnumerable<string> FactsProblems(IDocument document, string projectId)
    {
        var card = document.QuerySelectorAll("[data-project-facts]")
            .FirstOrDefault(c => c.QuerySelector("[data-fact=number]")?.TextContent.Trim() == projectId);
        if (card is null)
        {
            yield return $"the page has no facts card (data-project-facts) whose number (data-fact=\"number\") is the project's";
            yield break;
        }
        foreach (var fact in RequiredFacts)
            if (string.IsNullOrWhiteSpace(card.QuerySelector($"[data-fact=\"{fact}\"]")?.TextContent))
                yield return $"the facts card does not state `{fact}` (an element with data-fact=\"{fact}\" and text)";
    }

    // One walk over the elements: a selector query per kind of element would walk every page a dozen times.
    private IEnumerable<string> ThirdPartyResources(IDocument document) =>
        document.All.Where(e => Fetched.ContainsKey(e.LocalName) && !(e.LocalName == "link" && NamesADocument(e)))
            .SelectMany(e => Fetched[e.LocalName].Select(a => (Attribute: a, Value: e.GetAttribute(a))).Where(x => x.Value is not null)
                .SelectMany(x => Urls(x.Value!, x.Attribute)))
            .Where(url => Uri.TryCreate(site, url, out var target) && !(target.Scheme == site.Scheme && target.Authority == site.Authority))
            .Distinct();

    private static bool NamesADocument(IElement link) =>
        (link.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(r => NamingRelations.Contains(r, StringComparer.OrdinalIgnoreCase));

    /// <summary>The URLs of an attribute: one, or a <c>srcset</c>'s candidates.</summary>
    private static IEnumerable<string> Urls(string value, string attribute) => attribute == "srcset"
        ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Split(' ')[0])
        : [value.Trim()];

    private static HtmlParser NewParser() => new(new HtmlParserOptions(), BrowsingContext.New(Parsing));

    private string OfficialEmblem(string statement) => officialEmblems.GetOrAdd(statement, s =>
    {
        var parser = NewParser();
        return parser.ParseFragment(EuEmblem.Svg(s), parser.ParseDocument("").Body!).OfType<IElement>().Single().OuterHtml;
    });

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
