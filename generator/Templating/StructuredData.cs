using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vestis.Model;
using Vestis.Output;

namespace Vestis.Templating;

/// <summary>
/// schema.org JSON-LD for search engines: the parts of the vocabulary an announcement about an EU-funded
/// project needs, and the script element that carries them.
/// </summary>
public static class StructuredData
{
    // <, >, & and quotes are escaped, so the JSON can never end its script element.
    private static readonly JsonWriterOptions Options = new() { Encoder = JsonText.Readable };

    /// <summary>The funder of every EU fund's grant, named as schema.org data usually names it: in English.</summary>
    private static JsonObject EuropeanUnion => Organization("GovernmentOrganization", "European Union", "https://european-union.europa.eu/");

    public static Html Script(JsonObject data)
    {
        var script = new ArrayBufferWriter<byte>();
        script.Write("<script type=\"application/ld+json\">"u8);
        using (var json = new Utf8JsonWriter(script, Options)) data.WriteTo(json);
        script.Write("</script>"u8);
        return Html.FromUtf8(script.WrittenSpan.ToArray());
    }

    public static JsonObject Organization(string type, string name, string? url = null)
    {
        var organization = new JsonObject { ["@type"] = type, ["name"] = name };
        if (url is not null) organization["url"] = url;
        return organization;
    }

    /// <summary>A source of a project's funding: an EU fund's grant from the European Union, or a national source's.</summary>
    /// <param name="funder">Who gives a national source's money, where known (the municipality for its own budget).</param>
    public static JsonObject Grant(string source, string label, decimal amount, string currency, JsonObject? funder)
    {
        var grant = new JsonObject
        {
            ["@type"] = "MonetaryGrant",
            ["name"] = label,
            ["amount"] = new JsonObject { ["@type"] = "MonetaryAmount", ["value"] = Money.Cents(amount), ["currency"] = currency },
        };
        if ((Funds.IsEuFund(source) ? EuropeanUnion : funder) is { } by) grant["funder"] = by;
        return grant;
    }
}
