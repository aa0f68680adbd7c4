using System.Globalization;
using System.Text.RegularExpressions;
using Vestis.Diagnostics;
using Vestis.Model;
using YamlDotNet.RepresentationModel;

namespace Vestis.Validation;

/// <summary>Reads a project's budget and checks its arithmetic to the cent.</summary>
internal static partial class BudgetValidator
{
    public static Budget? Validate(Fields fields, YamlNode node, IReadOnlyList<string> funds, IDictionary<string, SourceSpan> spans)
    {
        var map = fields.AsMapping(node, "`budget`");
        if (map is null) return null;
        var at = fields.SpanOf(node);
        fields.AllowOnly(map, "`budget`", "currency", "total", "sources");

        var currency = fields.Text(map, "currency") ?? "EUR";
        if (!CurrencyCode().IsMatch(currency))
        {
            fields.Error(DiagnosticCodes.InvalidCurrency, Fields.Get(map, "currency")!, $"`currency` must be an ISO 4217 code like EUR, not `{currency}`");
            return null;
        }
        var totalNode = fields.Field(map, "total", at);
        var total = totalNode is null ? null : fields.Decimal(totalNode, "total", 2, DiagnosticCodes.MoneyPrecision);
        if (totalNode is not null) spans["total"] = fields.SpanOf(totalNode);

        var sourcesNode = fields.Field(map, "sources", at);
        if (sourcesNode is null) return null;
        spans["sources"] = fields.SpanOf(sourcesNode);
        if (sourcesNode is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            fields.Error(DiagnosticCodes.WrongType, sourcesNode, "`sources` must be a list of funding sources, like - { source: ERDF, percent: 85 }");
            return null;
        }

        var parsed = new List<ParsedSource>();
        var ok = true;
        foreach (var item in list.Children)
        {
            var source = Source(fields, item, funds);
            if (source is null) ok = false;
            else parsed.Add(source);
        }
        if (!ok || total is null) return null;

        var byPercent = parsed[0].Percent is not null;
        var mixed = parsed.FirstOrDefault(s => (s.Percent is not null) != byPercent);
        if (mixed is not null)
        {
            fields.Error(DiagnosticCodes.SourceForm, mixed.Node,
                "give every source of a budget the same way: all with `amount`, or all with `percent`");
            return null;
        }
        return byPercent ? FromPercents(fields, total.Value, currency, parsed) : FromAmounts(fields, total.Value, currency, parsed, totalNode!);
    }

    private sealed record ParsedSource(string Source, decimal? Amount, decimal? Percent, bool Eligible, string? Note, YamlNode Node);

    private static ParsedSource? Source(Fields fields, YamlNode item, IReadOnlyList<string> funds)
    {
        var map = fields.AsMapping(item, "a funding source");
        if (map is null) return null;
        var at = fields.SpanOf(item);
        fields.AllowOnly(map, "a funding source", "source", "amount", "percent", "eligible", "note");
        var source = fields.Text(map, "source", at);
        var amountNode = Fields.Get(map, "amount");
        var percentNode = Fields.Get(map, "percent");
        var eligible = fields.Bool(map, "eligible") ?? true;
        var note = fields.Text(map, "note");
        if (source is null) return null;
        if (!IsKnownSource(source, funds))
        {
            fields.Error(DiagnosticCodes.UnknownSource, Fields.Get(map, "source")!, Funds.IsEuFund(source)
                ? $"source {source} is not among the project's `funds` ({string.Join(", ", funds)})"
                : $"source `{source}` is not a fund of the project ({string.Join(", ", funds)}) nor one of {string.Join(", ", Funds.NationalSources)}");
            return null;
        }
        if ((amountNode is null) == (percentNode is null))
        {
            fields.Error(DiagnosticCodes.SourceForm, item, "a funding source has either `amount` or `percent`, and not both");
            return null;
        }
        var amount = amountNode is null ? null : fields.Decimal(amountNode, "amount", 2, DiagnosticCodes.MoneyPrecision);
        var percent = percentNode is null ? null : fields.Decimal(percentNode, "percent", 4, DiagnosticCodes.MoneyPrecision);
        if (amount is null && percent is null) return null;
        return new ParsedSource(source, amount, percent, eligible, note, item);
    }

    private static bool IsKnownSource(string source, IReadOnlyList<string> funds) =>
        funds.Contains(source) || Funds.NationalSources.Contains(source);

    private static Budget? FromAmounts(Fields fields, decimal total, string currency, List<ParsedSource> sources, YamlNode totalNode)
    {
        var sum = sources.Sum(s => s.Amount!.Value);
        if (sum != total)
        {
            fields.Error(DiagnosticCodes.BudgetSum, totalNode,
                $"budget source amounts sum to {Plain(sum)}, total is {Plain(total)} (a difference of {Plain(sum - total)})");
            return null;
        }
        return new Budget(currency, total,
            sources.Select(s => new FundingSource(s.Source, s.Amount!.Value, null, s.Eligible, s.Note)).ToList());
    }

    private static Budget? FromPercents(Fields fields, decimal total, string currency, List<ParsedSource> sources)
    {
        var sum = sources.Sum(s => s.Percent!.Value);
        if (sum != 100m)
        {
            fields.Error(DiagnosticCodes.PercentSum, sources[0].Node, $"budget source percents sum to {Plain(sum)}, not 100");
            return null;
        }
        var amounts = Money.SplitByPercent(total, sources.Select(s => s.Percent!.Value).ToList());
        return new Budget(currency, total,
            sources.Select((s, i) => new FundingSource(s.Source, amounts[i], s.Percent, s.Eligible, s.Note)).ToList());
    }

    private static string Plain(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
