using Vestis.Model;

namespace Vestis.Publicity;

/// <summary>
/// The national programme logos a member state's rules put beside the EU emblem. They are official artwork the
/// generator cannot draw, so a site supplies the files; the rules only say which logo a page needs.
/// </summary>
public static class NationalLogos
{
    // Latvia: "Nacionālais attīstības plāns 2020" with 2014–2020 labels, "… 2027" with 2021–2027 labels.
    // The file stem is where a site puts the artwork without configuring it: content/publicity/nap2020.svg (or .png).
    private static readonly IReadOnlyDictionary<(string Country, string Programme), (string Name, string FileStem)> Required =
        new Dictionary<(string, string), (string, string)>
        {
            [("LV", Funds.Period2014)] = ("Nacionālais attīstības plāns 2020", "nap2020"),
            [("LV", Funds.Period2021)] = ("Nacionālais attīstības plāns 2027", "nap2027"),
        };

    /// <summary>The name of the logo a project page of <paramref name="programme"/> needs, or null where the rules ask for none.</summary>
    public static string? RequiredName(string country, string programme) =>
        Required.TryGetValue((country, programme), out var logo) ? logo.Name : null;

    /// <summary>The file names, in <c>publicity/</c>, that supply a required logo when site.yml names none.</summary>
    public static IReadOnlyList<string> DefaultFiles(string country, string programme) =>
        Required.TryGetValue((country, programme), out var logo) ? LogoArtwork.Formats.Select(f => logo.FileStem + f).ToList() : [];

    /// <summary>
    /// Where the logo goes: Latvia's 2014–2020 ensemble reads national logo, EU emblem, slogan; its 2021–2027
    /// ensemble puts the EU emblem and statement on the left and the national logo on the right.
    /// </summary>
    public static bool GoesBeforeEmblem(string programme) => programme == Funds.Period2014;
}
