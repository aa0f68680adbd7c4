using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;
using Vestis.Publicity;
using YamlDotNet.RepresentationModel;

namespace Vestis.Validation;

/// <summary>
/// Checks site.yml's <c>publicity:</c> block (slogans and national logos) and that every site language can
/// carry an EU label: in its own words, or in the member state's where it is not an official EU language.
/// </summary>
internal sealed class PublicityValidator(Fields fields, string country, YamlNode? countryNode, IReadOnlyList<PublicityFileSource> files)
{
    private static readonly IReadOnlyDictionary<string, string> NoSlogans = new Dictionary<string, string>();

    private string? StateLanguage => OfficialWording.MemberStateLanguage(country);

    public PublicitySettings Validate(YamlMappingNode site, IReadOnlyList<(string Code, YamlNode Node)> languages)
    {
        foreach (var (code, languageNode) in languages) CheckWording(code, languageNode);
        var countrySpan = countryNode is null ? fields.Doc.Start : fields.SpanOf(countryNode);
        var node = Fields.Get(site, "publicity");
        var map = node is null ? null : fields.AsMapping(node, "`publicity`");
        if (map is not null) fields.AllowOnly(map, "`publicity`", "slogan", "logos");
        var logos = map is null ? new SortedDictionary<string, NationalLogo>(StringComparer.Ordinal) : Logos(map);
        foreach (var programme in Funds.Programmes.Where(p => !logos.ContainsKey(p)))
            if (DefaultLogo(programme, countrySpan) is { } logo) logos[programme] = logo;
        return new PublicitySettings(map is null ? NoSlogans : Slogans(map), logos, countrySpan);
    }

    /// <summary>A required logo site.yml does not name: the conventional file, found or (for the warning) missing.</summary>
    private NationalLogo? DefaultLogo(string programme, SourceSpan countrySpan)
    {
        var names = NationalLogos.DefaultFiles(country, programme);
        if (names.Count == 0) return null;
        var alt = NationalLogos.RequiredName(country, programme)!;
        return files.FirstOrDefault(f => names.Contains(f.Name)) is { } source
            ? Logo(programme, source, alt, countrySpan, fileNode: null)
            : MissingLogo(programme, names[0], alt, countrySpan);
    }

    /// <summary>A logo whose file is not in publicity/: kept, with no size, so the build can warn and name the file.</summary>
    private NationalLogo MissingLogo(string programme, string name, string alt, SourceSpan span) =>
        new(programme, Path.Join(Path.GetDirectoryName(fields.Doc.Path), "publicity", name).Replace('\\', '/'), "", $"publicity/{name}",
            alt, StateLanguage ?? "", null, span);

    private void CheckWording(string language, YamlNode node)
    {
        var wording = OfficialWording.ForPage(language, country);
        if (wording is null)
            fields.Error(DiagnosticCodes.LabelWording, node,
                $"project pages in `{language}` need the EU publicity label in an official EU language, but Vestis has checked " +
                $"wording only for {KnownWordings()}, and neither `{language}` nor the language of country {country} is among them");
        else if (OfficialWording.For(language) is null && OfficialWording.IsEuLanguage(language))
            fields.Warning(DiagnosticCodes.LabelWording, fields.SpanOf(node),
                $"Vestis has no checked wording of the EU publicity label in `{language}`; project pages in `{language}` " +
                $"show the label in `{wording.Language}`, the language of {country}");
    }

    private static string KnownWordings() =>
        string.Join(", ", OfficialWording.EuLanguages.Where(l => OfficialWording.For(l) is not null));

    /// <summary>The slogan per label language: <c>{ lv: … }</c>, or one text in the member state's language.</summary>
    private IReadOnlyDictionary<string, string> Slogans(YamlMappingNode map)
    {
        var node = Fields.Get(map, "slogan");
        if (node is null) return NoSlogans;
        var slogans = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlScalarNode && fields.TextValue(node, "slogan", 200) is { } text && StateLanguage is { } state)
            slogans[state] = text;
        else if (node is not YamlScalarNode && fields.AsMapping(node, "`slogan`") is { } perLanguage)
            foreach (var (key, value) in perLanguage.Children)
            {
                var language = (key as YamlScalarNode)?.Value ?? "";
                if (OfficialWording.For(language) is null)
                    fields.Error(DiagnosticCodes.UnknownLanguage, key,
                        $"`{language}` in `slogan`: a slogan is part of the EU label, which is shown in {KnownWordings()}");
                else if (fields.TextValue(value, $"slogan.{language}", 200) is { } own)
                    slogans[language] = own;
            }
        return slogans;
    }

    private SortedDictionary<string, NationalLogo> Logos(YamlMappingNode map)
    {
        var logos = new SortedDictionary<string, NationalLogo>(StringComparer.Ordinal);
        var node = Fields.Get(map, "logos");
        var perProgramme = node is null ? null : fields.AsMapping(node, "`logos`");
        if (perProgramme is null) return logos;
        foreach (var (key, value) in perProgramme.Children)
        {
            var programme = (key as YamlScalarNode)?.Value ?? "";
            if (!Funds.Programmes.Contains(programme))
            {
                fields.Error(DiagnosticCodes.UnknownProgramme, key,
                    $"`{programme}` in `logos` is not a programme period; expected one of: {string.Join(", ", Funds.Programmes)}");
                continue;
            }
            if (ConfiguredLogo(programme, value) is { } logo) logos[programme] = logo;
        }
        return logos;
    }

    private NationalLogo? ConfiguredLogo(string programme, YamlNode node)
    {
        var map = fields.AsMapping(node, $"`logos.{programme}`");
        if (map is null) return null;
        var where = $"`logos.{programme}`";
        fields.AllowOnly(map, where, "file", "alt");
        var at = fields.SpanOf(node);
        var name = fields.Text(map, "file", at);
        var alt = fields.Text(map, "alt", NationalLogos.RequiredName(country, programme) is null ? at : null, 200)
            ?? NationalLogos.RequiredName(country, programme);
        if (name is null || alt is null) return null;
        var fileNode = Fields.Get(map, "file")!;
        var span = fields.SpanOf(fileNode);
        return files.FirstOrDefault(f => f.Name == name) is { } source
            ? Logo(programme, source, alt, span, fileNode)
            : MissingLogo(programme, name, alt, span);
    }

    private NationalLogo Logo(string programme, PublicityFileSource source, string alt, SourceSpan span, YamlNode? fileNode)
    {
        var size = LogoArtwork.Size(source.FullPath, out var problem);
        if (size is null)
            fields.Error(DiagnosticCodes.InvalidLogo, fileNode is null ? SourceSpan.File(source.Path) : fields.SpanOf(fileNode),
                $"the logo `{source.Path}` cannot be used: {problem}");
        return new NationalLogo(programme, source.Path, source.FullPath, $"publicity/{source.Name}", alt, StateLanguage ?? "", size, span);
    }
}
