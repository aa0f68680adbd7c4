using System.Collections.Frozen;
using System.Globalization;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;
using YamlDotNet.RepresentationModel;

namespace Vestis.I18n;

/// <summary>
/// The words templates print in one language, from <c>templates/i18n/&lt;lang&gt;.yml</c> and the files its
/// <c>fallback:</c> names (Latgalian → Latvian), with the language's formats and plural rules. A key
/// found only in the site's default language is shown in it, and a key found nowhere as itself; both
/// are reported once as a warning naming the language and key, so a page never shows an empty string.
/// </summary>
public sealed class UiStrings
{
    private readonly FrozenDictionary<string, string> strings;
    private readonly FrozenDictionary<string, string> defaults;
    private readonly PluralRules plurals;
    private readonly IReadOnlyDictionary<string, string> names;
    private readonly Action<string, string> reportMissing;

    private UiStrings(FrozenDictionary<string, string> strings, FrozenDictionary<string, string> defaults,
        LanguageFormat format, PluralRules plurals, IReadOnlyDictionary<string, string> names, Action<string, string> reportMissing)
    {
        this.strings = strings;
        this.defaults = defaults;
        Format = format;
        this.plurals = plurals;
        this.names = names;
        this.reportMissing = reportMissing;
    }

    public LanguageFormat Format { get; }

    public string this[string key] => strings.TryGetValue(key, out var text) ? text : Missing(key, defaults.GetValueOrDefault(key, key));

    /// <summary>A count in words: the key's form for the number's CLDR plural category, with the number put in for {0}.</summary>
    public string Plural(string key, long count) =>
        string.Format(Format.Culture, Form(key, plurals.Select(count)), Format.Number(count));

    /// <summary>The key's text for each plural category of the language, for a script that counts in the browser.</summary>
    public IReadOnlyList<(string Category, string Text)> PluralForms(string key) =>
        plurals.Categories.Select(category => (category, Form(key, category))).ToList();

    private string Form(string key, string category)
    {
        var form = $"{key}.{category}";
        return strings.TryGetValue(form, out var exact) ? exact
            : strings.TryGetValue($"{key}.{PluralRules.Other}", out var other) ? Missing(form, other)
            : this[$"{key}.{PluralRules.Other}"];
    }

    /// <summary>A language's name in itself, for links to it: its UI file's <c>language.self</c>, else CLDR's, else its code.</summary>
    public string NameOf(string language) => names.GetValueOrDefault(language, language);

    /// <summary>The note after text in another language ("(in Latvian)"); without one, that language's own name in brackets.</summary>
    public string NoteOn(string language)
    {
        var key = $"language.note.{language}";
        return strings.TryGetValue(key, out var note) ? note : Missing(key, $"({NameOf(language)})");
    }

    private string Missing(string key, string shown)
    {
        reportMissing(key, shown);
        return shown;
    }

    /// <summary>
    /// Loads the strings of every site language; null when ICU is missing, since no language could then
    /// be written by its own conventions.
    /// </summary>
    public static IReadOnlyDictionary<string, UiStrings>? Load(string templatesDirectory, SiteSettings site, DiagnosticBag diagnostics)
    {
        var i18n = Path.Join(templatesDirectory, "i18n").Replace('\\', '/');
        string PathOf(string language) => $"{i18n}/{language}.yml";
        if (!Cldr.IcuAvailable)
        {
            diagnostics.Error(DiagnosticCodes.NoIcu, SourceSpan.File(PathOf(site.DefaultLanguage)),
                "ICU is not available (the process runs in globalization-invariant mode), so dates, numbers, plurals and sorting cannot follow each language's CLDR conventions; install ICU (Debian: apt-get install libicu-dev) and unset DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
            return null;
        }

        var files = new Dictionary<string, UiFile>();
        var paths = Directory.Exists(i18n) ? Directory.EnumerateFiles(i18n, "*.yml") : [];
        foreach (var file in paths.Order(StringComparer.Ordinal))
            if (UiFile.Read(file.Replace('\\', '/'), diagnostics) is { } read)
                files[Path.GetFileNameWithoutExtension(file)] = read;

        var names = site.Languages.ToDictionary(l => l, l =>
            files.TryGetValue(l, out var own) && own.Strings.TryGetValue("language.self", out var self) ? self : Cldr.Autonym(l) ?? l);
        var reported = new System.Collections.Concurrent.ConcurrentDictionary<(string, string), bool>();
        var defaults = files.TryGetValue(site.DefaultLanguage, out var defaultFile)
            ? defaultFile.Strings.ToFrozenDictionary(StringComparer.Ordinal) : FrozenDictionary<string, string>.Empty;
        var result = new Dictionary<string, UiStrings>();
        foreach (var language in site.Languages)
        {
            var chain = Chain(language, files);
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var link in chain)
                foreach (var (k, v) in files[link].Strings)
                    merged.TryAdd(k, v);
            var path = PathOf(chain.FirstOrDefault() ?? language);
            var hasFile = chain.Count > 0;
            if (!hasFile)
                diagnostics.Warning(DiagnosticCodes.MissingUiString, SourceSpan.File(path),
                    $"there are no UI strings for `{language}`; its pages are worded in `{site.DefaultLanguage}`");
            var lang = language;
            Action<string, string> report = hasFile
                ? (key, shown) =>
                {
                    if (reported.TryAdd((lang, key), true))
                        diagnostics.Warning(DiagnosticCodes.MissingUiString, SourceSpan.File(path),
                            $"UI string `{key}` is missing for `{lang}`; its pages show `{shown}`");
                }
                : (_, _) => { };
            result[language] = new UiStrings(merged.ToFrozenDictionary(StringComparer.Ordinal), defaults,
                FormatOf(language, chain.Append(site.DefaultLanguage), files, path, diagnostics),
                PluralRules.For(language, chain.Skip(1).Append(site.DefaultLanguage)), names, report);
        }
        return result;
    }

    /// <summary>
    /// The language's own file (for a regional code without one, its language's: en-GB → en), then the
    /// files its <c>fallback:</c> names, in order.
    /// </summary>
    private static List<string> Chain(string language, IReadOnlyDictionary<string, UiFile> files)
    {
        var chain = new List<string>();
        var first = files.ContainsKey(language) ? language : language.Split('-')[0];
        for (var current = first; current is not null && !chain.Contains(current) && files.TryGetValue(current, out var file); current = file.Fallback)
            chain.Add(current);
        return chain;
    }

    /// <summary>
    /// The culture is the file's <c>format.culture</c>, else the language itself when CLDR knows it, else the
    /// first along its fallbacks that CLDR knows (Latgalian is written with Latvian conventions), with a warning.
    /// </summary>
    private static LanguageFormat FormatOf(string language, IEnumerable<string> fallbacks, IReadOnlyDictionary<string, UiFile> files,
        string path, DiagnosticBag diagnostics)
    {
        var own = files.GetValueOrDefault(language)?.Strings ?? new Dictionary<string, string>();
        string? CultureOf(string code) =>
            files.TryGetValue(code, out var file) && file.Strings.TryGetValue("format.culture", out var named) && Cldr.Knows(named) ? named
            : Cldr.Knows(code) ? code : null;
        var chosen = own.GetValueOrDefault("format.culture");
        if (chosen is not null && !Cldr.Knows(chosen))
            diagnostics.Warning(DiagnosticCodes.UnknownCulture, SourceSpan.File(path), $"CLDR has no locale `{chosen}`; `format.culture` is ignored");
        var culture = CultureOf(language);
        if (culture is null)
        {
            culture = fallbacks.Select(CultureOf).FirstOrDefault(c => c is not null) ?? CultureInfo.InvariantCulture.Name;
            diagnostics.Warning(DiagnosticCodes.UnknownCulture, SourceSpan.File(path),
                $"CLDR has no data for `{language}`; its dates and numbers follow `{culture}` (name a culture as `format.culture` to choose)");
        }
        var info = CultureInfo.GetCultureInfo(culture);
        return new LanguageFormat(info,
            own.GetValueOrDefault("format.date") ?? Cldr.LongDate(info),
            own.GetValueOrDefault("format.percent") ?? Cldr.PercentPattern(info));
    }

    /// <summary>One <c>i18n/&lt;lang&gt;.yml</c>, flattened to dotted keys.</summary>
    private sealed record UiFile(IReadOnlyDictionary<string, string> Strings, string? Fallback)
    {
        public static UiFile? Read(string path, DiagnosticBag diagnostics)
        {
            var text = SourceText.Read(path, path, diagnostics);
            var doc = text is null ? null : YamlParser.Parse(path, text, 0, diagnostics);
            if (doc?.Root is not YamlMappingNode map) return null;
            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(map, "", flat);
            flat.Remove("fallback", out var fallback);
            return new UiFile(flat, fallback);
        }

        private static void Flatten(YamlMappingNode map, string prefix, Dictionary<string, string> into)
        {
            foreach (var (k, v) in map.Children)
            {
                var key = prefix + (k as YamlScalarNode)?.Value;
                switch (v)
                {
                    case YamlMappingNode child: Flatten(child, key + ".", into); break;
                    // An empty text counts as missing, so that it is reported rather than printed.
                    case YamlScalarNode { Value: { Length: > 0 } text }: into[key] = text; break;
                }
            }
        }
    }
}
