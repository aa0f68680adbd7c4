using System.Text.RegularExpressions;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;

namespace Vestis.Validation;

internal static partial class MunicipalityValidator
{
    public static IReadOnlyDictionary<string, Municipality> Validate(
        IReadOnlyList<MunicipalitySource> sources, SiteSettings site, DiagnosticBag diagnostics)
    {
        var municipalities = new SortedDictionary<string, Municipality>(StringComparer.Ordinal);
        var successorNodes = new Dictionary<string, (Fields Fields, YamlDotNet.RepresentationModel.YamlNode Node)>();
        foreach (var source in sources)
        {
            if (!Id().IsMatch(source.Id))
            {
                diagnostics.Error(DiagnosticCodes.InvalidMunicipalityId, SourceSpan.File(source.Path),
                    $"the file name `{source.Id}` is the municipality's id: use lowercase ASCII letters, digits and hyphens");
                continue;
            }
            if (Urls.Sections.Contains(source.Id))
            {
                diagnostics.Error(DiagnosticCodes.InvalidMunicipalityId, SourceSpan.File(source.Path),
                    $"`{source.Id}` cannot be a municipality id: /<lang>/{source.Id}/ is a section of the site");
                continue;
            }
            if (source.Doc is null) continue;
            var fields = new Fields(source.Doc, diagnostics);
            var map = fields.Root("a municipality file");
            if (map is null) continue;
            fields.AllowOnly(map, "a municipality file", "name", "website", "successor", "dissolved");
            var name = fields.Localized(map, "name", site.Languages, source.Doc.Start);
            var website = fields.AbsoluteUrl(map, "website");
            var successor = fields.Text(map, "successor");
            var dissolved = fields.Date(map, "dissolved");
            if (successor is not null)
            {
                successorNodes[source.Id] = (fields, Fields.Get(map, "successor")!);
                if (Fields.Get(map, "dissolved") is null)
                    fields.Error(DiagnosticCodes.SuccessorWithoutDissolved, Fields.Get(map, "successor")!,
                        "a municipality with a `successor` needs the `dissolved` date when it was merged");
            }
            if (name is not null)
                municipalities[source.Id] = new Municipality(source.Id, name, website?.AbsoluteUri, successor, dissolved);
        }
        foreach (var (id, (fields, node)) in successorNodes)
        {
            var successor = municipalities.GetValueOrDefault(id)?.Successor;
            if (successor is null) continue;
            if (successor == id || !sources.Any(s => s.Id == successor))
                fields.Error(DiagnosticCodes.UnknownSuccessor, node,
                    successor == id ? "a municipality cannot be its own successor" : $"successor `{successor}` has no municipalities/{successor}.yml");
        }
        return municipalities;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Id();
}
