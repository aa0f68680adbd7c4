using Vestis.Model;

namespace Vestis.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Percent_shares_are_split_to_the_cent_and_add_up_to_the_total()
    {
        Assert.Equal([380001.00m, 67059.00m], Money.SplitByPercent(447060.00m, [85m, 15m]));
        var thirds = Money.SplitByPercent(100.00m, [33.3333m, 33.3333m, 33.3334m]);
        Assert.Equal(100.00m, thirds.Sum());
        Assert.All(thirds, a => Assert.Equal(a, Math.Round(a, 2)));
    }

    [Theory]
    [InlineData("0.01", "50", "50")]
    [InlineData("999999.99", "85", "15")]
    [InlineData("12345.67", "64.02", "35.98")]
    public void No_cent_is_lost_or_invented(string total, string a, string b)
    {
        var t = decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture);
        var parts = Money.SplitByPercent(t, [decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(t, parts.Sum());
    }
}
