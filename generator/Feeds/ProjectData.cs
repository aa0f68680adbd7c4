using System.Globalization;
using System.Text.Json;
using Vestis.Model;
using Vestis.Output;

namespace Vestis.Feeds;

/// <summary>
/// A project as a managing authority's list of operations carries it, with the texts in one language
/// (falling back to the site's default language where a text is not translated) and absolute URLs.
/// </summary>
/// <param name="Location">The facilities' names and addresses, or the municipality where none are given.</param>
/// <param name="EuRate">The EU contribution as a percentage of the total cost, to two decimals.</param>
public sealed record ProjectRecord(
    string Number,
    string Name,
    string Beneficiary,
    string MunicipalityId,
    string Municipality,
    string Country,
    IReadOnlyList<string> Location,
    string ProgrammePeriod,
    IReadOnlyList<string> Funds,
    string MeasureCode,
    string MeasureName,
    DateOnly Start,
    DateOnly End,
    ProjectStatus Status,
    string Currency,
    decimal TotalCost,
    decimal EuAmount,
    decimal EuRate,
    decimal NonEligibleAmount,
    IReadOnlyList<SourceRecord> Sources,
    string ProjectUrl,
    IReadOnlyList<string> AnnouncementUrls);

/// <param name="Label">The source's name in the list's language.</param>
public sealed record SourceRecord(string Source, string Label, decimal Amount, bool Eligible);

/// <summary>
/// The open data files of projects: CSV (RFC 4180, UTF-8, comma-separated, CRLF, a header row) and JSON.
/// Values are machine-readable: ISO dates, amounts with a point and two decimals, codes for funds and
/// status; the column names are the same in every language so a harvester reads all of them alike.
/// </summary>
public static class ProjectData
{
    private static readonly IReadOnlyList<(string Column, Func<ProjectRecord, string> Value)> Columns =
    [
        ("project_number", p => p.Number),
        ("name", p => p.Name),
        ("beneficiary", p => p.Beneficiary),
        ("municipality_id", p => p.MunicipalityId),
        ("municipality", p => p.Municipality),
        ("country", p => p.Country),
        ("location", p => string.Join("; ", p.Location)),
        ("programme_period", p => p.ProgrammePeriod),
        ("funds", p => string.Join("; ", p.Funds)),
        ("measure_code", p => p.MeasureCode),
        ("measure_name", p => p.MeasureName),
        ("start_date", p => Iso(p.Start)),
        ("end_date", p => Iso(p.End)),
        ("status", p => Status(p.Status)),
        ("currency", p => p.Currency),
        ("total_cost", p => Amount(p.TotalCost)),
        ("eu_amount", p => Amount(p.EuAmount)),
        ("eu_rate_percent", p => Amount(p.EuRate)),
        .. Model.Funds.NationalSources.Select(source => (
            $"{source.Replace('-', '_')}_amount",
            (Func<ProjectRecord, string>)(p => Amount(p.Sources.Where(s => s.Source == source).Sum(s => s.Amount))))),
        ("non_eligible_amount", p => Amount(p.NonEligibleAmount)),
        ("project_url", p => p.ProjectUrl),
        ("announcement_urls", p => string.Join(' ', p.AnnouncementUrls)),
    ];

    public static IReadOnlyList<string> CsvColumns { get; } = Columns.Select(c => c.Column).ToList();

    public static byte[] Csv(IEnumerable<ProjectRecord> projects) => Utf8Document.Text(csv =>
    {
        Row(csv, CsvColumns);
        foreach (var project in projects) Row(csv, Columns.Select(c => c.Value(project)));
    });

    public static byte[] Json(string language, IEnumerable<ProjectRecord> projects) =>
        Utf8Document.Json(new JsonWriterOptions { Indented = true, Encoder = JsonText.Readable }, json =>
        {
            json.WriteStartObject();
            json.WriteString("language", language);
            json.WriteStartArray("projects");
            foreach (var p in projects) Project(json, p);
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void Project(Utf8JsonWriter json, ProjectRecord p)
    {
        json.WriteStartObject();
        json.WriteString("project_number", p.Number);
        json.WriteString("name", p.Name);
        json.WriteString("beneficiary", p.Beneficiary);
        json.WriteString("municipality_id", p.MunicipalityId);
        json.WriteString("municipality", p.Municipality);
        json.WriteString("country", p.Country);
        json.WriteStrings("location", p.Location);
        json.WriteString("programme_period", p.ProgrammePeriod);
        json.WriteStrings("funds", p.Funds);
        json.WriteString("measure_code", p.MeasureCode);
        json.WriteString("measure_name", p.MeasureName);
        json.WriteString("start_date", Iso(p.Start));
        json.WriteString("end_date", Iso(p.End));
        json.WriteString("status", Status(p.Status));
        json.WriteString("currency", p.Currency);
        json.WriteNumber("total_cost", Money.Cents(p.TotalCost));
        json.WriteNumber("eu_amount", Money.Cents(p.EuAmount));
        json.WriteNumber("eu_rate_percent", Money.Cents(p.EuRate));
        json.WriteNumber("non_eligible_amount", Money.Cents(p.NonEligibleAmount));
        json.WriteStartArray("sources");
        foreach (var s in p.Sources)
        {
            json.WriteStartObject();
            json.WriteString("source", s.Source);
            json.WriteString("label", s.Label);
            json.WriteNumber("amount", Money.Cents(s.Amount));
            json.WriteBoolean("eligible", s.Eligible);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("project_url", p.ProjectUrl);
        json.WriteStrings("announcement_urls", p.AnnouncementUrls);
        json.WriteEndObject();
    }

    private static void Row(TextWriter csv, IEnumerable<string> fields)
    {
        csv.Write(string.Join(',', fields.Select(Field)));
        csv.Write("\r\n");
    }

    /// <summary>A field quoted where RFC 4180 asks: when it holds a comma, a quote or a line break.</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Status(ProjectStatus status) => status.ToString().ToLowerInvariant();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
