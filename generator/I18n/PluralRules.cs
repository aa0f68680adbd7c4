using System.Collections.Frozen;
using System.Globalization;

namespace Vestis.I18n;

/// <summary>
/// CLDR cardinal plural rules (Unicode TR35, "Language Plural Rules"): which form a count takes in a
/// language, e.g. Latvian 0 → zero, 21 → one, 22 → other; Russian 22 → few, 25 → many. .NET has no
/// plural API, so the rules of the EU's languages and their neighbours are kept here as CLDR writes
/// them and evaluated for whole numbers (operands v, f, t, w, e are 0).
/// </summary>
public sealed class PluralRules
{
    public const string Other = "other";

    // CLDR 44 plurals.xml, cardinal; "other" is implicit. Languages not listed have only "other".
    private static readonly FrozenDictionary<string, string> Rules = new Dictionary<string, string>
    {
        ["bg"] = "one: n = 1",
        ["cs"] = "one: i = 1 and v = 0; few: i = 2..4 and v = 0; many: v != 0",
        ["da"] = "one: n = 1 or t != 0 and i = 0,1",
        ["de"] = "one: i = 1 and v = 0",
        ["el"] = "one: n = 1",
        ["en"] = "one: i = 1 and v = 0",
        ["es"] = "one: n = 1; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5",
        ["et"] = "one: i = 1 and v = 0",
        ["fi"] = "one: i = 1 and v = 0",
        ["fr"] = "one: i = 0,1; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5",
        ["ga"] = "one: n = 1; two: n = 2; few: n = 3..6; many: n = 7..10",
        ["hr"] = "one: v = 0 and i % 10 = 1 and i % 100 != 11 or f % 10 = 1 and f % 100 != 11; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14 or f % 10 = 2..4 and f % 100 != 12..14",
        ["hu"] = "one: n = 1",
        ["it"] = "one: i = 1 and v = 0; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5",
        ["lt"] = "one: n % 10 = 1 and n % 100 != 11..19; few: n % 10 = 2..9 and n % 100 != 11..19; many: f != 0",
        ["lv"] = "zero: n % 10 = 0 or n % 100 = 11..19 or v = 2 and f % 100 = 11..19; one: n % 10 = 1 and n % 100 != 11 or v = 2 and f % 10 = 1 and f % 100 != 11 or v != 2 and f % 10 = 1",
        ["mt"] = "one: n = 1; two: n = 2; few: n = 0 or n % 100 = 3..10; many: n % 100 = 11..19",
        ["nl"] = "one: i = 1 and v = 0",
        ["pl"] = "one: i = 1 and v = 0; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14; many: v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14",
        ["pt"] = "one: i = 0..1; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5",
        ["ro"] = "one: i = 1 and v = 0; few: v != 0 or n = 0 or n != 1 and n % 100 = 1..19",
        ["sk"] = "one: i = 1 and v = 0; few: i = 2..4 and v = 0; many: v != 0",
        ["sl"] = "one: v = 0 and i % 100 = 1; two: v = 0 and i % 100 = 2; few: v = 0 and i % 100 = 3..4 or v != 0",
        ["sv"] = "one: i = 1 and v = 0",
        ["ru"] = "one: v = 0 and i % 10 = 1 and i % 100 != 11; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14; many: v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14",
        ["uk"] = "one: v = 0 and i % 10 = 1 and i % 100 != 11; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14; many: v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14",
        ["be"] = "one: n % 10 = 1 and n % 100 != 11; few: n % 10 = 2..4 and n % 100 != 12..14; many: n % 10 = 0 or n % 10 = 5..9 or n % 100 = 11..14",
        ["sr"] = "one: v = 0 and i % 10 = 1 and i % 100 != 11 or f % 10 = 1 and f % 100 != 11; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14 or f % 10 = 2..4 and f % 100 != 12..14",
        ["no"] = "one: n = 1",
        ["nb"] = "one: n = 1",
        ["is"] = "one: t = 0 and i % 10 = 1 and i % 100 != 11 or t % 10 = 1 and t % 100 != 11 or t != 0",
        ["tr"] = "one: n = 1",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly IReadOnlyList<(string Category, Func<long, bool> Applies)> categories;

    private PluralRules(IReadOnlyList<(string, Func<long, bool>)> categories) => this.categories = categories;

    /// <summary>The language's categories, "other" last.</summary>
    public IEnumerable<string> Categories => categories.Select(c => c.Category).Append(Other);

    public string Select(long count)
    {
        foreach (var (category, applies) in categories)
            if (applies(Math.Abs(count))) return category;
        return Other;
    }

    /// <summary>
    /// The rules of a BCP 47 code (its language subtag: pt-BR → pt), or of the first language along
    /// <paramref name="fallbacks"/> that CLDR has rules for (Latgalian counts as Latvian does).
    /// </summary>
    public static PluralRules For(string language, IEnumerable<string> fallbacks)
    {
        foreach (var code in fallbacks.Prepend(language))
        {
            var subtag = code.Split('-')[0];
            if (Rules.TryGetValue(subtag, out var rules)) return new PluralRules(Parse(rules));
            if (Cldr.Knows(code)) return new PluralRules([]);
        }
        return new PluralRules([]);
    }

    private static List<(string, Func<long, bool>)> Parse(string rules) =>
        rules.Split(';', StringSplitOptions.TrimEntries).Select(rule =>
        {
            var colon = rule.IndexOf(':');
            return (rule[..colon].Trim(), Condition(rule[(colon + 1)..]));
        }).ToList();

    // condition = and_condition ('or' and_condition)*; and_condition = relation ('and' relation)*
    private static Func<long, bool> Condition(string text)
    {
        var alternatives = text.Split(" or ", StringSplitOptions.TrimEntries)
            .Select(and => and.Split(" and ", StringSplitOptions.TrimEntries).Select(Relation).ToList())
            .ToList();
        return n => alternatives.Any(all => all.All(relation => relation(n)));
    }

    // relation = operand ('%' value)? ('=' | '!=') range_list; range_list = (value | value'..'value) (',' ...)*
    private static Func<long, bool> Relation(string text)
    {
        var negated = text.Contains("!=", StringComparison.Ordinal);
        var parts = text.Split(negated ? "!=" : "=", 2, StringSplitOptions.TrimEntries);
        var left = parts[0].Split('%', StringSplitOptions.TrimEntries);
        var operand = left[0];
        var modulus = left.Length > 1 ? long.Parse(left[1], CultureInfo.InvariantCulture) : 0;
        var ranges = parts[1].Split(',', StringSplitOptions.TrimEntries).Select(range =>
        {
            var bounds = range.Split("..");
            return (From: long.Parse(bounds[0], CultureInfo.InvariantCulture), To: long.Parse(bounds[^1], CultureInfo.InvariantCulture));
        }).ToList();
        return n =>
        {
            // Whole numbers: n and i are the number; the fraction operands v, w, f, t and the exponent e, c are 0.
            var value = operand is "n" or "i" ? n : 0;
            if (modulus != 0) value %= modulus;
            var inRange = ranges.Any(r => value >= r.From && value <= r.To);
            return inRange != negated;
        };
    }
}
