using System.Collections.Concurrent;
using System.Globalization;

namespace Vestis.I18n;

/// <summary>
/// Dates, numbers, money and percentages as a page's language writes them: CLDR's conventions for the
/// language's culture (through ICU), unless its <c>templates/i18n/&lt;lang&gt;.yml</c> overrides a pattern.
/// </summary>
/// <param name="DatePattern">A .NET date pattern without the weekday, e.g. <c>yyyy. 'gada' d. MMMM</c>.</param>
/// <param name="PercentPattern">Where the number goes in a percentage, e.g. <c>{0} %</c>.</param>
public sealed record LanguageFormat(CultureInfo Culture, string DatePattern, string PercentPattern)
{
    public string Date(DateOnly date) => date.ToString(DatePattern, Culture);

    // A facts card formats a dozen amounts: each currency's format is made once per language.
    private readonly ConcurrentDictionary<string, NumberFormatInfo> moneyFormats = new(StringComparer.Ordinal);

    public string Money(decimal amount, string currency)
    {
        var format = moneyFormats.GetOrAdd(currency, c =>
        {
            var made = (NumberFormatInfo)Culture.NumberFormat.Clone();
            made.CurrencySymbol = CurrencySymbol(c);
            made.CurrencyDecimalDigits = 2;
            return NumberFormatInfo.ReadOnly(made);
        });
        // A no-break space keeps an amount and its symbol on one line.
        return amount.ToString("C", format).Replace(' ', '\u00a0');
    }

    /// <summary>A share in percent (64.0213 → "64,02 %" in lv), two decimals, trailing zeros kept as in official tables.</summary>
    public string Percent(decimal percent) =>
        string.Format(Culture, PercentPattern, percent.ToString("N2", Culture)).Replace(' ', '\u00a0');

    public string Number(long value) => value.ToString("N0", Culture);

    private static string CurrencySymbol(string currency) => currency switch
    {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        _ => currency,
    };
}
