namespace Vestis.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A place in a source file; line and column are 1-based, as editors count them.</summary>
public readonly record struct SourceSpan(string Path, int Line, int Column)
{
    public static SourceSpan File(string path) => new(path, 1, 1);
}

public sealed record Diagnostic(Severity Severity, string Code, SourceSpan Span, string Message)
{
    // The MSBuild format, so that editors and CI logs link straight to the line.
    public override string ToString() =>
        $"{Span.Path}({Span.Line},{Span.Column}): {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
