using System.Globalization;

namespace Vestis.I18n;

/// <summary>
/// Dates, numbers, money and percentages as a page's language writes them, from the language's CLDR data
/// (through ICU) and the patterns in its <c>templates/i18n/&lt;lang&gt;.yml</c>.
/// </summary>
public sealed class LanguageFormat
{
    private readonly CultureInfo culture;
    private readonly string datePattern;
    private readonly string percentPattern;

    /// <param name="cultureName">The CLDR locale whose data is used (Latgalian, unknown to CLDR, uses lv-LV).</param>
    /// <param name="datePattern">A .NET date pattern without the weekday, e.g. <c>yyyy. 'gada' d. MMMM</c>.</param>
    /// <param name="percentPattern">Where the number goes in a percentage, e.g. <c>{0} %</c>.</param>
    public LanguageFormat(string cultureName, string datePattern, string percentPattern)
    {
        culture = CultureInfo.GetCultureInfo(cultureName);
        this.datePattern = datePattern;
        this.percentPattern = percentPattern;
    }

    public CultureInfo Culture => culture;

    public string Date(DateOnly date) => date.ToString(datePattern, culture);

    public string Money(decimal amount, string currency)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = CurrencySymbol(currency);
        format.CurrencyDecimalDigits = 2;
        // A no-break space keeps an amount and its symbol on one line.
        return amount.ToString("C", format).Replace(' ', '\u00a0');
    }

    /// <summary>A share in percent (64.0213 → "64,02 %" in lv), two decimals, trailing zeros kept as in official tables.</summary>
    public string Percent(decimal percent) =>
        string.Format(culture, percentPattern, percent.ToString("N2", culture)).Replace(' ', '\u00a0');

    public string Number(int value) => value.ToString("N0", culture);

    private static string CurrencySymbol(string currency) => currency switch
    {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        _ => currency,
    };
}
