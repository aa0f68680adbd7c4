namespace Vestis.Model;

/// <summary>A text given per language; a language without its own text falls back to the default language.</summary>
public sealed record LocalizedText(IReadOnlyDictionary<string, string> Values)
{
    public static readonly LocalizedText Empty = new(new Dictionary<string, string>());

    public bool Has(string language) => Values.ContainsKey(language);

    public string? For(string language, string defaultLanguage) =>
        LanguageOf(language, defaultLanguage) is { } shown ? Values[shown] : null;

    /// <summary>The language <see cref="For"/> answers in, so pages can mark text that is not in their language.</summary>
    public string? LanguageOf(string language, string defaultLanguage) => Pick(Values, language, defaultLanguage);

    /// <summary>Which language's value a page in <paramref name="language"/> shows: its own, else the default language's, else any.</summary>
    public static string? Pick<T>(IReadOnlyDictionary<string, T> values, string language, string defaultLanguage) =>
        values.ContainsKey(language) ? language
        : values.ContainsKey(defaultLanguage) ? defaultLanguage
        : values.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
}
