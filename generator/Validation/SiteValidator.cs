using System.Text.RegularExpressions;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;
using YamlDotNet.RepresentationModel;

namespace Vestis.Validation;

internal static partial class SiteValidator
{
    private const int DefaultPageSize = 20;
    private const string DefaultCountry = "LV";

    /// <summary>The site settings, or null when the languages cannot be known (nothing else can be checked without them).</summary>
    public static SiteSettings? Validate(YamlDoc? doc, IReadOnlyList<PublicityFileSource> publicityFiles, DiagnosticBag diagnostics)
    {
        if (doc is null) return null;
        var fields = new Fields(doc, diagnostics);
        var map = fields.Root("site.yml");
        if (map is null) return null;
        fields.AllowOnly(map, "site.yml", "title", "baseUrl", "languages", "country", "pageSize", "publicity", "accessibility");

        var languageNodes = Languages(fields, map);
        if (languageNodes is null) return null;
        var languages = languageNodes.Select(l => l.Code).ToList();
        var title = fields.Localized(map, "title", languages, doc.Start);
        var baseUrl = fields.AbsoluteUrl(map, "baseUrl", doc.Start);
        if (baseUrl is not null && !baseUrl.AbsolutePath.EndsWith('/'))
            baseUrl = new Uri(baseUrl.AbsoluteUri + "/");
        var country = fields.Text(map, "country", doc.Start);
        if (country is not null && !CountryCode().IsMatch(country))
        {
            fields.Error(DiagnosticCodes.InvalidCountry, Fields.Get(map, "country")!, $"`country` must be a two-letter ISO 3166 code in capitals, like LV, not `{country}`");
            country = null;
        }
        var pageSize = fields.PositiveInt(map, "pageSize", code: DiagnosticCodes.InvalidPageSize) ?? DefaultPageSize;
        var publicity = new PublicityValidator(fields, country ?? DefaultCountry, Fields.Get(map, "country"), publicityFiles)
            .Validate(map, languageNodes);
        var accessibility = AccessibilityValidator.Validate(fields, map, languages);
        return new SiteSettings(title ?? LocalizedText.Empty, baseUrl ?? new Uri("https://example.invalid/"),
            languages, country ?? DefaultCountry, pageSize, publicity, accessibility);
    }

    private static IReadOnlyList<(string Code, YamlNode Node)>? Languages(Fields fields, YamlMappingNode map)
    {
        var items = fields.List(map, "languages", fields.Doc.Start);
        if (items is null) return null;
        var languages = new List<(string Code, YamlNode Node)>();
        foreach (var (code, node) in items)
        {
            if (!LanguageTag().IsMatch(code))
                fields.Error(DiagnosticCodes.InvalidLanguageList, node, $"`{code}` is not a BCP 47 language code like lv, en or sr-Latn");
            else if (languages.Any(l => l.Code == code))
                fields.Error(DiagnosticCodes.InvalidLanguageList, node, $"language `{code}` is listed twice");
            else
                languages.Add((code, node));
        }
        if (languages.Count == 0)
        {
            fields.Error(DiagnosticCodes.InvalidLanguageList, Fields.Get(map, "languages")!, "`languages` must name at least one language");
            return null;
        }
        return languages;
    }

    // Lower-case primary subtag keeps URLs (/lv/, /en/) stable and file-name suffixes unambiguous.
    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
