using System.Text.RegularExpressions;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;
using YamlDotNet.RepresentationModel;

namespace Vestis.Validation;

internal static partial class MeasureValidator
{
    public static IReadOnlyDictionary<string, Measure> Validate(YamlDoc? doc, SiteSettings site, DiagnosticBag diagnostics)
    {
        var measures = new SortedDictionary<string, Measure>(StringComparer.Ordinal);
        if (doc is null) return measures;
        var fields = new Fields(doc, diagnostics);
        var map = fields.Root("measures.yml");
        if (map is null) return measures;
        foreach (var (key, value) in map.Children)
        {
            var code = (key as YamlScalarNode)?.Value ?? "";
            if (!Code().IsMatch(code))
            {
                fields.Error(DiagnosticCodes.MeasureName, key, $"measure code `{code}` must be letters, digits, dots and hyphens, like 9.3.1.1");
                continue;
            }
            var wrapper = new YamlMappingNode { { key, value } };
            // A measure whose names are wrong is still a known measure: announcements using it are not wrong too.
            var name = fields.Localized(wrapper, code, site.Languages, fields.SpanOf(key), missingDefaultCode: DiagnosticCodes.MeasureName);
            measures[code] = new Measure(code, name ?? LocalizedText.Empty);
        }
        return measures;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.-]*$")]
    private static partial Regex Code();
}
