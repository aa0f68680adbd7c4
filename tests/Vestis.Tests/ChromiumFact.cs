using System.Diagnostics;

namespace Vestis.Tests;

/// <summary>
/// A test in Chromium. It is skipped, with the reason in the test results and on standard error, only where Chromium
/// is missing or cannot start at all; any other failure in the browser fails the test.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = ChromiumProbe.WhyNot.Value;
}

/// <inheritdoc cref="ChromiumFactAttribute"/>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute() => Skip = ChromiumProbe.WhyNot.Value;
}

internal static class ChromiumProbe
{
    /// <summary>Null when Chromium starts and renders a blank page headless; else why not, said once per test run.</summary>
    public static readonly Lazy<string?> WhyNot = new(() =>
    {
        var reason = Probe();
        if (reason is not null) Console.Error.WriteLine($"\n*** SKIPPING THE BROWSER TESTS: {reason} ***\n");
        return reason;
    });

    private static string? Probe()
    {
        string chromium;
        try { chromium = BrowserTests.Chromium(); }
        catch (InvalidOperationException e) { return e.Message; }
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "about:blank" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var page = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            return $"{chromium} did not render a blank page within a minute";
        }
        return process.ExitCode == 0 && page.Contains("<body>", StringComparison.Ordinal) ? null
            : $"{chromium} cannot start (exit code {process.ExitCode}): {string.Join("\n", errors.Result.Split('\n').TakeLast(5))}";
    }
}
