namespace Vestis.Model;

/// <summary>The EU funds and programme periods the content model knows, and which fund exists in which period.</summary>
public static class Funds
{
    public const string Period2014 = "2014-2020";
    public const string Period2021 = "2021-2027";

    public static readonly IReadOnlyList<string> Programmes = [Period2014, Period2021];

    public static readonly IReadOnlyList<string> Codes = ["ERDF", "ESF", "ESF+", "CF", "JTF", "EAFRD", "EMFAF", "EMFF"];

    private static readonly IReadOnlyDictionary<string, string[]> PeriodsOfFund = new Dictionary<string, string[]>
    {
        ["ERDF"] = [Period2014, Period2021],
        ["ESF"] = [Period2014],
        ["ESF+"] = [Period2021],
        ["CF"] = [Period2014, Period2021],
        ["JTF"] = [Period2021],
        ["EAFRD"] = [Period2014, Period2021],
        ["EMFAF"] = [Period2021],
        ["EMFF"] = [Period2014],
    };

    /// <summary>The national source that is the beneficiary municipality's own budget.</summary>
    public const string MunicipalBudget = "municipality";

    public static readonly IReadOnlyList<string> NationalSources = ["state-budget", MunicipalBudget, "private", "other"];

    public static bool ExistsIn(string fund, string programme) =>
        PeriodsOfFund.TryGetValue(fund, out var periods) && periods.Contains(programme);

    public static bool IsEuFund(string source) => PeriodsOfFund.ContainsKey(source);

    /// <summary>The URL segment of a fund: lower case, "+" as "-plus" (ESF+ → esf-plus).</summary>
    public static string Slug(string fund) => fund.ToLowerInvariant().Replace("+", "-plus");
}
