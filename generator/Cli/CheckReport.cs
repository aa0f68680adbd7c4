using System.Text.Json;
using System.Text.Json.Nodes;
using Vestis.Diagnostics;
using Vestis.Loading;

namespace Vestis.Cli;

/// <summary><c>check --format json</c>: every diagnostic as an object, and the counts, for editors and CI.</summary>
internal static class CheckReport
{
    /// <param name="result">The check, or null when the content folder does not exist.</param>
    public static string Json(BuildResult? result, string contentFolder)
    {
        IReadOnlyList<Diagnostic> diagnostics = result?.Diagnostics ??
            [ContentLoader.MissingFolder(contentFolder)];
        var report = new JsonObject
        {
            ["succeeded"] = result?.Succeeded ?? false,
            ["errors"] = diagnostics.Count(d => d.Severity == Severity.Error),
            ["warnings"] = diagnostics.Count(d => d.Severity == Severity.Warning),
            ["pages"] = result?.Succeeded == true ? result.Files.Count(f => f.Page) : 0,
            ["diagnostics"] = new JsonArray(diagnostics.Select(d => (JsonNode)new JsonObject
            {
                ["path"] = d.Span.Path,
                ["line"] = d.Span.Line,
                ["column"] = d.Span.Column,
                ["severity"] = d.Severity == Severity.Error ? "error" : "warning",
                ["code"] = d.Code,
                ["message"] = d.Message,
            }).ToArray()),
        };
        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
