namespace Vestis.Publicity;

/// <summary>
/// The wording of the EU publicity label in one language, as the regulations and the EU's own label files
/// give it. It lives here, not in the UI strings, because a translator's rewording would make the label
/// non-compliant: these texts are never paraphrased, abbreviated or restyled.
/// </summary>
/// <param name="EuropeanUnion">2014–2020: "European Union", spelled out beside the emblem.</param>
/// <param name="CoFunded">2021–2027, EU share below 100 %.</param>
/// <param name="Funded">2021–2027, EU share of 100 %.</param>
/// <param name="FundNames">The funds' full names, which 2014–2020 labels cite.</param>
public sealed record OfficialWording(
    string Language,
    string EuropeanUnion,
    string CoFunded,
    string Funded,
    IReadOnlyDictionary<string, string> FundNames)
{
    /// <summary>The 24 official languages of the EU: a page in any other language shows the member state's.</summary>
    public static readonly IReadOnlyList<string> EuLanguages =
        ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"];

    // The language a member state's labels use when a page's own language cannot carry one. For states with
    // several official languages it is the first in the state's own protocol order.
    private static readonly IReadOnlyDictionary<string, string> MemberStateLanguages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AT"] = "de", ["BE"] = "nl", ["BG"] = "bg", ["CY"] = "el", ["CZ"] = "cs", ["DE"] = "de", ["DK"] = "da",
        ["EE"] = "et", ["ES"] = "es", ["FI"] = "fi", ["FR"] = "fr", ["GR"] = "el", ["HR"] = "hr", ["HU"] = "hu",
        ["IE"] = "ga", ["IT"] = "it", ["LT"] = "lt", ["LU"] = "fr", ["LV"] = "lv", ["MT"] = "mt", ["NL"] = "nl",
        ["PL"] = "pl", ["PT"] = "pt", ["RO"] = "ro", ["SE"] = "sv", ["SI"] = "sl", ["SK"] = "sk",
    };

    // Only wording that has been checked against the official texts is here; a language without it
    // falls back to the member state's language, with a warning (PublicityValidator).
    private static readonly IReadOnlyDictionary<string, OfficialWording> Known = new[]
    {
        new OfficialWording("lv", "Eiropas Savienība", "Līdzfinansē Eiropas Savienība", "Finansē Eiropas Savienība", new Dictionary<string, string>
        {
            ["ERDF"] = "Eiropas Reģionālās attīstības fonds",
            ["ESF"] = "Eiropas Sociālais fonds",
            ["ESF+"] = "Eiropas Sociālais fonds Plus",
            ["CF"] = "Kohēzijas fonds",
            ["JTF"] = "Taisnīgas pārkārtošanās fonds",
            ["EAFRD"] = "Eiropas Lauksaimniecības fonds lauku attīstībai",
            ["EMFF"] = "Eiropas Jūrlietu un zivsaimniecības fonds",
            ["EMFAF"] = "Eiropas Jūrlietu, zvejniecības un akvakultūras fonds",
        }),
        new OfficialWording("en", "European Union", "Co-funded by the European Union", "Funded by the European Union", new Dictionary<string, string>
        {
            ["ERDF"] = "European Regional Development Fund",
            ["ESF"] = "European Social Fund",
            ["ESF+"] = "European Social Fund Plus",
            ["CF"] = "Cohesion Fund",
            ["JTF"] = "Just Transition Fund",
            ["EAFRD"] = "European Agricultural Fund for Rural Development",
            ["EMFF"] = "European Maritime and Fisheries Fund",
            ["EMFAF"] = "European Maritime, Fisheries and Aquaculture Fund",
        }),
        new OfficialWording("lt", "Europos Sąjunga", "Bendrai finansuoja Europos Sąjunga", "Finansuoja Europos Sąjunga", new Dictionary<string, string>
        {
            ["ERDF"] = "Europos regioninės plėtros fondas",
            ["ESF"] = "Europos socialinis fondas",
            ["ESF+"] = "Europos socialinis fondas+",
            ["CF"] = "Sanglaudos fondas",
            ["JTF"] = "Teisingos pertvarkos fondas",
            ["EAFRD"] = "Europos žemės ūkio fondas kaimo plėtrai",
            ["EMFF"] = "Europos jūrų reikalų ir žuvininkystės fondas",
            ["EMFAF"] = "Europos jūrų reikalų, žvejybos ir akvakultūros fondas",
        }),
    }.ToDictionary(w => w.Language, StringComparer.Ordinal);

    public static bool IsEuLanguage(string language) => EuLanguages.Contains(PrimarySubtag(language));

    public static OfficialWording? For(string language) => Known.GetValueOrDefault(PrimarySubtag(language));

    public static string? MemberStateLanguage(string country) => MemberStateLanguages.GetValueOrDefault(country);

    /// <summary>The wording a page's label uses: the page's own where known, else the member state's; null when neither is known.</summary>
    public static OfficialWording? ForPage(string pageLanguage, string country) =>
        For(pageLanguage) ?? (MemberStateLanguage(country) is { } state ? For(state) : null);

    private static string PrimarySubtag(string language) => language.Split('-')[0];
}
