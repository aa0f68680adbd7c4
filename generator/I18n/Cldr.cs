using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Vestis.I18n;

/// <summary>What the Unicode CLDR data that ICU ships knows about a language, as .NET exposes it.</summary>
public static partial class Cldr
{
    private static readonly Lazy<FrozenSet<string>> Locales = new(() =>
        CultureInfo.GetCultures(CultureTypes.AllCultures).Select(c => c.Name).Where(n => n.Length > 0)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// False when the process runs without ICU (globalization-invariant mode): every culture would then
    /// write dates, numbers and sort orders the invariant way, in English.
    /// </summary>
    public static bool IcuAvailable => Locales.Value.Count > 0;

    /// <summary>Whether CLDR has locale data for a BCP 47 code (lv, en-IE, sr-Latn: yes; ltg, sgs: no).</summary>
    public static bool Knows(string code) => Locales.Value.Contains(code);

    /// <summary>The language's long date without the weekday: lv "yyyy. 'gada' d. MMMM", ru "d MMMM yyyy 'г'.".</summary>
    public static string LongDate(CultureInfo culture) =>
        Weekday().Replace(culture.DateTimeFormat.LongDatePattern, " ").Trim();

    /// <summary>Where the number goes in a percentage, with CLDR's spacing: lt "{0} %", en "{0}%".</summary>
    public static string PercentPattern(CultureInfo culture) => culture.NumberFormat.PercentPositivePattern switch
    {
        0 => "{0} %",
        2 => "%{0}",
        3 => "% {0}",
        _ => "{0}%",
    };

    /// <summary>A language's name in itself (CLDR's autonym, capitalised for a menu), or null when CLDR does not know it.</summary>
    public static string? Autonym(string code)
    {
        if (!Knows(code)) return null;
        var culture = CultureInfo.GetCultureInfo(code);
        var name = culture.IsNeutralCulture ? culture.NativeName : culture.Parent.NativeName;
        return culture.TextInfo.ToTitleCase(name[..1]) + name[1..];
    }

    [GeneratedRegex(@"\s*,?\s*dddd\s*,?\s*")]
    private static partial Regex Weekday();
}
