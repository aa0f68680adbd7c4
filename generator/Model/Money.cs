namespace Vestis.Model;

public static class Money
{
    /// <summary>The amount with exactly two decimals (447060 → 447060.00), as data files show money: to the cent.</summary>
    public static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>A part's share of a total in percent, to two decimals (the EU rate on a facts card).</summary>
    public static decimal Share(decimal part, decimal total) => total == 0 ? 0 : Math.Round(part * 100m / total, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Splits a total by percentages into amounts rounded to the cent that still add up to the total:
    /// each part is rounded down, and the cents left over go to the parts with the largest remainders
    /// (ties to the earlier part), so no cent is lost or invented.
    /// </summary>
    public static IReadOnlyList<decimal> SplitByPercent(decimal total, IReadOnlyList<decimal> percents)
    {
        var exact = percents.Select(p => total * p / 100m).ToList();
        var floored = exact.Select(x => Math.Floor(x * 100m) / 100m).ToArray();
        var leftoverCents = (int)Math.Round((total - floored.Sum()) * 100m);
        var order = Enumerable.Range(0, exact.Count)
            .OrderByDescending(i => exact[i] - floored[i])
            .ThenBy(i => i)
            .ToList();
        for (var k = 0; k < leftoverCents && order.Count > 0; k++)
            floored[order[k % order.Count]] += 0.01m;
        return floored;
    }
}
