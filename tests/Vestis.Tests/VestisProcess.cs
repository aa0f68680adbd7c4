using System.Diagnostics;
using System.Security.Cryptography;

namespace Vestis.Tests;

/// <summary>The built <c>vestis</c> command run as a process of its own, as a user or a CI job runs it.</summary>
public static class VestisProcess
{
    /// <summary>The <c>vestis.dll</c> the tests are built with.</summary>
    public static string Tool => typeof(Vestis.Cli.CommandLine).Assembly.Location;

    /// <param name="tool">Another <c>vestis.dll</c> to run (a published one); the tests' own when null.</param>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? tool = null) =>
        StartProgram("dotnet", [tool ?? Tool, .. args], environment);

    public static (int Code, string Output, string Errors) Run(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null,
        string? tool = null) =>
        RunProgram("dotnet", [tool ?? Tool, .. args], environment);

    /// <summary>Runs a program to its end: its exit code, and what it wrote to its output and to its errors.</summary>
    public static (int Code, string Output, string Errors) RunProgram(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = StartProgram(program, args, environment);
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }

    private static Process StartProgram(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>Every file of a folder by its relative path, with the SHA-256 of its bytes.</summary>
    public static SortedDictionary<string, string> Hashes(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);
}
