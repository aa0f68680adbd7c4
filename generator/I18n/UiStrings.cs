using System.Collections.Frozen;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;
using YamlDotNet.RepresentationModel;

namespace Vestis.I18n;

/// <summary>
/// The words templates print, per language, from <c>templates/i18n/&lt;lang&gt;.yml</c>. A key missing in a
/// language falls back along its chain (its <c>fallback:</c>, then the site's default language) and is
/// reported once as a warning; a page never shows an empty string.
/// </summary>
public sealed class UiStrings
{
    private readonly FrozenDictionary<string, string> strings;
    private readonly Func<string, string> onMissing;

    private UiStrings(string language, FrozenDictionary<string, string> strings, LanguageFormat format, Func<string, string> onMissing)
    {
        Language = language;
        this.strings = strings;
        Format = format;
        this.onMissing = onMissing;
    }

    public string Language { get; }

    public LanguageFormat Format { get; }

    public string this[string key] => strings.TryGetValue(key, out var text) ? text : onMissing(key);

    public bool Has(string key) => strings.ContainsKey(key);

    /// <summary>Loads the strings of every site language with their fallbacks merged in.</summary>
    public static IReadOnlyDictionary<string, UiStrings> Load(string templatesDirectory, SiteSettings site, DiagnosticBag diagnostics)
    {
        var files = new Dictionary<string, (Dictionary<string, string> Strings, string? Fallback, string Path)>();
        var i18n = Path.Join(templatesDirectory, "i18n");
        if (Directory.Exists(i18n))
        {
            foreach (var file in Directory.EnumerateFiles(i18n, "*.yml").Order(StringComparer.Ordinal))
            {
                var display = file.Replace('\\', '/');
                var text = SourceText.Read(file, display, diagnostics);
                var doc = text is null ? null : YamlParser.Parse(display, text, 0, diagnostics);
                if (doc?.Root is not YamlMappingNode map) continue;
                var flat = new Dictionary<string, string>(StringComparer.Ordinal);
                Flatten(map, "", flat);
                flat.Remove("fallback", out var fallback);
                files[Path.GetFileNameWithoutExtension(file)] = (flat, fallback, display);
            }
        }

        var reported = new System.Collections.Concurrent.ConcurrentDictionary<(string, string), bool>();
        var result = new Dictionary<string, UiStrings>();
        foreach (var language in site.Languages)
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var link in Chain(language, site.DefaultLanguage, files))
                foreach (var (k, v) in files[link].Strings)
                    merged.TryAdd(k, v);
            var path = files.TryGetValue(language, out var file) ? file.Path : $"{i18n.Replace('\\', '/')}/{language}.yml";
            if (!files.ContainsKey(language))
                diagnostics.Warning(DiagnosticCodes.MissingUiString, SourceSpan.File(path),
                    $"there are no UI strings for `{language}`; pages in it use {string.Join(" → ", Chain(language, site.DefaultLanguage, files).DefaultIfEmpty("the keys themselves"))}");
            var format = new LanguageFormat(
                merged.GetValueOrDefault("format.culture", language),
                merged.GetValueOrDefault("format.date", "yyyy-MM-dd"),
                merged.GetValueOrDefault("format.percent", "{0} %"));
            var strings = merged.ToFrozenDictionary(StringComparer.Ordinal);
            var lang = language;
            result[language] = new UiStrings(language, strings, format, key =>
            {
                if (reported.TryAdd((lang, key), true))
                    diagnostics.Warning(DiagnosticCodes.MissingUiString, SourceSpan.File(path), $"UI string `{key}` is missing for `{lang}`");
                return key;
            });
        }
        return result;
    }

    private static IEnumerable<string> Chain(string language, string defaultLanguage, IReadOnlyDictionary<string, (Dictionary<string, string> Strings, string? Fallback, string Path)> files)
    {
        var seen = new HashSet<string>();
        for (var current = language; current is not null && seen.Add(current);)
        {
            if (files.TryGetValue(current, out var file))
            {
                yield return current;
                current = file.Fallback ?? (current == defaultLanguage ? null : defaultLanguage);
            }
            else current = current == defaultLanguage ? null : defaultLanguage;
        }
    }

    private static void Flatten(YamlMappingNode map, string prefix, Dictionary<string, string> into)
    {
        foreach (var (k, v) in map.Children)
        {
            var key = prefix + ((YamlScalarNode)k).Value;
            switch (v)
            {
                case YamlMappingNode child: Flatten(child, key + ".", into); break;
                case YamlScalarNode scalar: into[key] = scalar.Value ?? ""; break;
            }
        }
    }
}
