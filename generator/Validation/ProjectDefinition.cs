using Vestis.Diagnostics;
using Vestis.Model;

namespace Vestis.Validation;

/// <summary>A full <c>project:</c> block as one announcement file gives it, in that file's language.</summary>
/// <param name="Spans">Where each field was written, so disagreements between definitions point at the value.</param>
internal sealed record ProjectDefinition(
    string Id,
    string Language,
    string Path,
    DateOnly AnnouncementDate,
    string MunicipalityId,
    string Programme,
    string Measure,
    IReadOnlyList<string> Funds,
    DateOnly Start,
    DateOnly End,
    Budget Budget,
    string Name,
    string? Beneficiary,
    string? Aims,
    string? Results,
    IReadOnlyList<Facility> Facilities,
    IReadOnlyDictionary<string, SourceSpan> Spans);
