using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Vestis.Model;

/// <summary>
/// URL slugs from text in any of the site's languages: letters are transliterated, never dropped
/// (Latvian "Ilūkstē sāk" → "ilukste-sak", Russian "Проект начат" → "proekt-nachat").
/// </summary>
public static class Slugs
{
    // Cyrillic as Russian passports write it (ICAO 9303), with the letters of Ukrainian and Belarusian.
    private static readonly FrozenDictionary<char, string> Cyrillic = new Dictionary<char, string>
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "ie", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "iu",
        ['я'] = "ia", ['є'] = "ie", ['і'] = "i", ['ї'] = "i", ['ґ'] = "g", ['ў'] = "u",
    }.ToFrozenDictionary();

    // Where a language's official romanisation differs from the Russian one.
    private static readonly FrozenDictionary<string, FrozenDictionary<char, string>> ByLanguage = new Dictionary<string, FrozenDictionary<char, string>>
    {
        // Bulgarian: the Streamlined System (Transliteration Act 2009).
        ["bg"] = new Dictionary<char, string>
        {
            ['й'] = "y", ['х'] = "h", ['щ'] = "sht", ['ъ'] = "a", ['ь'] = "y", ['ю'] = "yu", ['я'] = "ya",
        }.ToFrozenDictionary(),
        // Ukrainian: the national system (Cabinet of Ministers resolution 55, 2010).
        ["uk"] = new Dictionary<char, string>
        {
            ['г'] = "h", ['и'] = "y", ['х'] = "kh",
        }.ToFrozenDictionary(),
    }.ToFrozenDictionary();

    // Latin and Greek letters that do not decompose into a base letter and marks.
    private static readonly FrozenDictionary<char, string> Letters = new Dictionary<char, string>
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th",
        ['ı'] = "i", ['ħ'] = "h", ['ŧ'] = "t",
        ['α'] = "a", ['β'] = "v", ['γ'] = "g", ['δ'] = "d", ['ε'] = "e", ['ζ'] = "z", ['η'] = "i", ['θ'] = "th",
        ['ι'] = "i", ['κ'] = "k", ['λ'] = "l", ['μ'] = "m", ['ν'] = "n", ['ξ'] = "x", ['ο'] = "o", ['π'] = "p",
        ['ρ'] = "r", ['σ'] = "s", ['ς'] = "s", ['τ'] = "t", ['υ'] = "y", ['φ'] = "f", ['χ'] = "ch", ['ψ'] = "ps", ['ω'] = "o",
    }.ToFrozenDictionary();

    /// <summary>A slug of lowercase ASCII letters, digits and single hyphens, or null when no letter or digit could be kept.</summary>
    public static string? From(string text, string language)
    {
        var own = ByLanguage.GetValueOrDefault(language.Split('-')[0]);
        var slug = new StringBuilder(text.Length);
        var hyphen = false;
        void Add(string part)
        {
            if (part.Length == 0) return;
            if (hyphen && slug.Length > 0) slug.Append('-');
            hyphen = false;
            slug.Append(part);
        }
        string? Latin(char c) =>
            c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c.ToString()
            : own is not null && own.TryGetValue(c, out var local) ? local
            : Cyrillic.TryGetValue(c, out var latin) || Letters.TryGetValue(c, out latin) ? latin
            : null;
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            // A letter with marks is its base letter: ā = a + macron, ά = α + tonos (Bulgarian й is a letter of its own).
            var latin = Latin(c) ?? (c.ToString().Normalize(NormalizationForm.FormD) is [var letter, _, ..] ? Latin(letter) : null);
            if (latin is not null) Add(latin);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) hyphen = true;
        }
        return slug.Length == 0 ? null : slug.ToString();
    }
}
