namespace Vestis.Model;

/// <summary>A text given per language; a language without its own text falls back to the default language.</summary>
public sealed record LocalizedText(IReadOnlyDictionary<string, string> Values)
{
    public static readonly LocalizedText Empty = new(new Dictionary<string, string>());

    public bool Has(string language) => Values.ContainsKey(language);

    public string? For(string language, string defaultLanguage) =>
        Values.TryGetValue(language, out var text) ? text
        : Values.TryGetValue(defaultLanguage, out var fallback) ? fallback
        : Values.Values.FirstOrDefault();

    /// <summary>The language <see cref="For"/> answers in, so pages can mark text that is not in their language.</summary>
    public string? LanguageOf(string language, string defaultLanguage) =>
        Values.ContainsKey(language) ? language
        : Values.ContainsKey(defaultLanguage) ? defaultLanguage
        : Values.Keys.FirstOrDefault();
}
