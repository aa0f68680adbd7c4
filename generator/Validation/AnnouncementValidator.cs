using System.Globalization;
using System.Text.RegularExpressions;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;
using YamlDotNet.RepresentationModel;

namespace Vestis.Validation;

/// <summary>Checks one announcement file on its own: its name, its front matter and its project block.</summary>
internal sealed partial class AnnouncementValidator(
    SiteSettings site,
    IReadOnlyDictionary<string, Measure> measures,
    DiagnosticBag diagnostics)
{
    private static readonly string[] AllowedFields =
        ["title", "date", "updated", "translated", "summary", "kind", "slug", "draft", "tags", "author", "project"];

    public ParsedAnnouncement? Validate(AnnouncementSource source)
    {
        // Parsed first, so that a YAML error is reported together with a wrong file name.
        var frontMatter = source.ParseFrontMatter(diagnostics);
        var name = FileNamePattern().Match(source.FileName);
        var fileSpan = SourceSpan.File(source.Path);
        if (!name.Success)
        {
            diagnostics.Error(DiagnosticCodes.InvalidFileName, fileSpan,
                $"an announcement file is named <yyyy-mm-dd>-<slug>.<lang>.md; `{source.FileName}` is not");
            return null;
        }
        var language = name.Groups["lang"].Success ? name.Groups["lang"].Value : site.DefaultLanguage;
        if (!site.Languages.Contains(language))
        {
            diagnostics.Error(DiagnosticCodes.UnknownLanguageSuffix, fileSpan,
                $"language suffix `{language}` is not in site.yml languages ({string.Join(", ", site.Languages)})");
            return null;
        }
        // A file named in the author's own letters gets a transliterated URL: "proekt-nachat" for "проект-начат";
        // a file named only by its date takes its URL from its title.
        var fileSlug = name.Groups["slug"].Success ? Slugs.From(name.Groups["slug"].Value, language) : null;
        if (name.Groups["slug"].Success && fileSlug is null)
        {
            diagnostics.Error(DiagnosticCodes.InvalidFileName, fileSpan,
                $"the name `{source.FileName}` has no letter or digit to make the page's URL from; name the file <yyyy-mm-dd>-<words>.<lang>.md");
            return null;
        }
        DateOnly? fileDate = null;
        if (name.Groups["date"].Success)
        {
            if (DateOnly.TryParseExact(name.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) fileDate = parsed;
            else
            {
                diagnostics.Error(DiagnosticCodes.InvalidFileName, fileSpan, $"the file-name date {name.Groups["date"].Value} does not exist");
                return null;
            }
        }

        if (frontMatter is null) return null;
        var fields = new Fields(frontMatter, diagnostics);
        var map = fields.Root("front matter");
        if (map is null) return null;
        fields.AllowOnly(map, "front matter", AllowedFields);
        var start = frontMatter.Start;

        var title = fields.Text(map, "title", start, maxLength: 200);
        // Required of an original; a translation without it takes its original's (see ContentValidator).
        var dateNode = Fields.Get(map, "date");
        var date = fields.Date(map, "date");
        if (date is not null && fileDate is not null && date != fileDate)
            fields.Error(DiagnosticCodes.FileDateMismatch, Fields.Get(map, "date")!,
                string.Create(CultureInfo.InvariantCulture, $"file-name date differs from `date`: the file name says {fileDate:yyyy-MM-dd}, `date` says {date:yyyy-MM-dd}"));
        var updated = fields.Date(map, "updated");
        if (updated is not null && date is not null && updated < date)
            fields.Error(DiagnosticCodes.UpdatedBeforeDate, Fields.Get(map, "updated")!, "`updated` is before `date`");
        var translated = fields.Date(map, "translated");
        var summary = fields.Text(map, "summary", maxLength: 300);
        var kind = Kind(fields, map);
        var slugNode = Fields.Get(map, "slug");
        var slug = fields.Text(map, "slug");
        if (slug is not null && !Slug().IsMatch(slug))
        {
            fields.Error(DiagnosticCodes.InvalidSlug, slugNode!,
                $"slug must match [a-z0-9-]+ (lowercase ASCII letters, digits and single hyphens), not `{slug}`{(Slugs.From(slug, language) is { } suggestion ? $"; `{suggestion}` would do" : "")}");
            slug = null;
        }
        var draft = fields.Bool(map, "draft") ?? false;
        var tags = fields.List(map, "tags")?.Select(t => t.Value).ToList();
        var author = Author(fields, map);
        var (projectId, projectSpan, definesProject, definition) =
            Project(fields, map, language, source, date ?? default);
        foreach (var (line, column, placeholder) in Placeholder.Each(source.Body.Markdown))
            diagnostics.Error(DiagnosticCodes.Placeholder, new SourceSpan(source.Path, source.Body.Line + line, column),
                $"fill in the placeholder {placeholder} in the text");

        if (title is null || (dateNode is not null && date is null) || (slugNode is not null && slug is null)) return null;
        var titleSpan = fields.SpanOf(Fields.Get(map, "title")!);
        var urlSlug = slug ?? fileSlug ?? Slugs.From(title, language);
        if (urlSlug is null)
        {
            diagnostics.Error(DiagnosticCodes.InvalidSlug, titleSpan,
                "the file is named only by its date, so its URL is made from the title, which has no letter or digit to make one of; give a `slug:`");
            return null;
        }
        var stem = name.Groups["stem"].Value;
        return new ParsedAnnouncement(source.Path, source.Folder, stem, language, date, start, updated, translated,
            translated is null ? null : fields.SpanOf(Fields.Get(map, "translated")!),
            title, summary, kind, urlSlug,
            slugNode is not null ? fields.SpanOf(slugNode) : fileSlug is not null ? fileSpan : titleSpan,
            draft, tags, author, projectId, projectSpan, definesProject, definition, source.Body);
    }

    private static AnnouncementKind? Kind(Fields fields, YamlMappingNode map)
    {
        var kind = fields.Text(map, "kind");
        if (kind is null) return null;
        if (AnnouncementKinds.Parse(kind) is { } value) return value;
        fields.Error(DiagnosticCodes.UnknownKind, Fields.Get(map, "kind")!, $"kind `{kind}` is not one of {string.Join(", ", AnnouncementKinds.Names)}");
        return null;
    }

    private static Author? Author(Fields fields, YamlMappingNode map)
    {
        var node = fields.Field(map, "author", null);
        if (node is null) return null;
        if (node is YamlScalarNode)
            return fields.TextValue(node, "author") is { } plainName ? new Author(plainName, null) : null;
        var author = fields.AsMapping(node, "`author`");
        if (author is null) return null;
        fields.AllowOnly(author, "`author`", "name", "role");
        var name = fields.Text(author, "name", fields.SpanOf(node));
        var role = fields.Text(author, "role");
        return name is null ? null : new Author(name, role);
    }

    private (string? Id, SourceSpan? Span, bool Defines, ProjectDefinition? Definition) Project(
        Fields fields, YamlMappingNode map, string language, AnnouncementSource source, DateOnly date)
    {
        var key = Fields.KeyNode(map, "project");
        var node = Fields.Get(map, "project");
        if (key is null || node is null) return (null, null, false, null);
        var span = fields.SpanOf(key);
        if (node is YamlScalarNode)
        {
            var id = ProjectId(fields, node);
            return (id, span, false, null);
        }
        var block = fields.AsMapping(node, "`project`");
        if (block is null) return (null, span, false, null);
        fields.AllowOnly(block, "`project`", "id", "name", "programme", "measure", "funds", "start", "end",
            "beneficiary", "aims", "results", "budget", "facilities");
        var at = fields.SpanOf(node);
        var idNode = fields.Field(block, "id", at);
        var projectId = idNode is null ? null : ProjectId(fields, idNode);
        var definition = projectId is null ? null : Definition(fields, block, at, projectId, language, source, date);
        return (projectId, span, true, definition);
    }

    private static string? ProjectId(Fields fields, YamlNode node)
    {
        var id = fields.TextValue(node, "project id");
        if (id is null) return null;
        if (!IsProjectId(id))
        {
            fields.Error(DiagnosticCodes.InvalidProjectId, node,
                $"project id `{id}` must be an official number of letters, digits, dots, slashes and hyphens, like 9.3.1.1/18/I/003");
            return null;
        }
        return id;
    }

    /// <summary>An official project number; it names the project's page, so it cannot climb out of the projects folder.</summary>
    internal static bool IsProjectId(string id) => ProjectIdPattern().IsMatch(id) && !id.Contains("..") && id.Length <= 100;

    private ProjectDefinition? Definition(Fields fields, YamlMappingNode block, SourceSpan at, string id,
        string language, AnnouncementSource source, DateOnly date)
    {
        var spans = new Dictionary<string, SourceSpan>();
        void Remember(string key)
        {
            if (Fields.Get(block, key) is { } n) spans[key] = fields.SpanOf(n);
        }
        foreach (var key in new[] { "programme", "measure", "funds", "start", "end", "budget" }) Remember(key);

        var name = fields.Text(block, "name", at, maxLength: 300);
        var programme = fields.Text(block, "programme", at);
        if (programme is not null && !Funds.Programmes.Contains(programme))
        {
            fields.Error(DiagnosticCodes.UnknownProgramme, Fields.Get(block, "programme")!,
                $"programme `{programme}` is not one of {string.Join(", ", Funds.Programmes)}");
            programme = null;
        }
        var measure = fields.Text(block, "measure", at);
        if (measure is not null && !measures.ContainsKey(measure))
        {
            fields.Error(DiagnosticCodes.UnknownMeasure, Fields.Get(block, "measure")!, $"measure {measure} is not a key of measures.yml");
            measure = null;
        }
        var funds = FundList(fields, block, at, programme);
        var start = fields.Date(block, "start", at);
        var end = fields.Date(block, "end", at);
        if (start is not null && end is not null && end < start)
        {
            fields.Error(DiagnosticCodes.EndBeforeStart, Fields.Get(block, "end")!,
                string.Create(CultureInfo.InvariantCulture, $"project end is before start ({end:yyyy-MM-dd} < {start:yyyy-MM-dd})"));
            end = null;
        }
        var beneficiary = fields.Text(block, "beneficiary", maxLength: 300);
        var aims = fields.Text(block, "aims");
        var results = fields.Text(block, "results");
        var budgetNode = fields.Field(block, "budget", at);
        var budget = budgetNode is null || funds is null ? null : BudgetValidator.Validate(fields, budgetNode, funds, spans);
        var facilities = Facilities(fields, block);

        if (name is null || programme is null || measure is null || funds is null || start is null || end is null
            || budget is null || facilities is null)
            return null;
        return new ProjectDefinition(id, language, source.Path, date, source.Folder, programme, measure, funds,
            start.Value, end.Value, budget, name, beneficiary, aims, results, facilities, spans);
    }

    private static IReadOnlyList<string>? FundList(Fields fields, YamlMappingNode block, SourceSpan at, string? programme)
    {
        var items = fields.List(block, "funds", at);
        if (items is null) return null;
        var written = ((YamlSequenceNode)Fields.Get(block, "funds")!).Children.Count;
        if (written == 0) fields.Error(DiagnosticCodes.UnknownFund, Fields.Get(block, "funds")!, "`funds` must name at least one fund");
        // An item that could not be read (a placeholder, an empty text) is reported already; without it the list is not whole.
        var ok = written > 0 && items.Count == written;
        foreach (var (fund, node) in items)
        {
            if (!Funds.Codes.Contains(fund))
            {
                fields.Error(DiagnosticCodes.UnknownFund, node, $"fund {fund} is not one of {string.Join(", ", Funds.Codes)}");
                ok = false;
            }
            else if (programme is not null && !Funds.ExistsIn(fund, programme))
            {
                fields.Error(DiagnosticCodes.FundNotInPeriod, node, $"fund {fund} does not exist in the {programme} programme period");
                ok = false;
            }
        }
        return ok ? items.Select(i => i.Value).Distinct().ToList() : null;
    }

    private static IReadOnlyList<Facility>? Facilities(Fields fields, YamlMappingNode block)
    {
        var node = fields.Field(block, "facilities", null);
        if (node is null) return [];
        if (node is not YamlSequenceNode list)
        {
            fields.Error(DiagnosticCodes.WrongType, node, "`facilities` must be a list, like - { name: ..., address: ..., places: 14 }");
            return null;
        }
        var facilities = new List<Facility>();
        var ok = true;
        foreach (var item in list.Children)
        {
            var map = fields.AsMapping(item, "a facility");
            if (map is null) { ok = false; continue; }
            fields.AllowOnly(map, "a facility", "name", "address", "places");
            var name = fields.Text(map, "name", fields.SpanOf(item), maxLength: 300);
            var address = fields.Text(map, "address", maxLength: 300);
            var places = fields.PositiveInt(map, "places");
            if (name is null || (Fields.Get(map, "places") is not null && places is null)) ok = false;
            else facilities.Add(new Facility(name, address, places));
        }
        return ok ? facilities : null;
    }

    [GeneratedRegex(@"^(?<stem>(?<date>\d{4}-\d{2}-\d{2})(?:-(?<slug>[^.]+))?|(?<slug>[^.]+))(?:\.(?<lang>[^.]+))?\.md$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex Slug();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9./-]*$")]
    private static partial Regex ProjectIdPattern();
}
