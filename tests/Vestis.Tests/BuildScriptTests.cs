using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Xunit;

namespace Vestis.Tests;

[CollectionDefinition("process-environment", DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
}

/// <summary>
/// Runs build.ps1 in-process through System.Management.Automation, with VESTIS_DOTNET
/// pointing at a fake dotnet that records its arguments and exits with a chosen code.
/// Notes on hosting PowerShell from the bare SMA package:
/// - InitialSessionState.CreateDefault() (and PowerShell.Create() without a runspace) needs
///   Microsoft.PowerShell.ConsoleHost.dll, which the package does not ship; CreateDefault2() works.
///   It has only the core cmdlets, so build.ps1 sticks to the language and .NET APIs.
/// - Setting ExecutionPolicy throws PlatformNotSupportedException off Windows.
/// - The script's `exit N` surfaces as the runspace variable LASTEXITCODE, and HadErrors is
///   true when N is not 0.
/// </summary>
[Collection("process-environment")]
public sealed class BuildScriptTests : IDisposable
{
    private const string CallMarker = "<<call>>";

    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string RepoScript = Path.Combine(RepoRoot, "build.ps1");

    private readonly string? _originalDotnet = Environment.GetEnvironmentVariable("VESTIS_DOTNET");
    private readonly string _temp = Directory.CreateTempSubdirectory("vestis-build-ps1-").FullName;
    private readonly string _log;

    public BuildScriptTests()
    {
        _log = Path.Combine(_temp, "dotnet-calls.log");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("VESTIS_DOTNET", _originalDotnet);
        Directory.Delete(_temp, recursive: true);
    }

    [Fact]
    public void Build_task_runs_the_generator_build_with_passed_through_arguments()
    {
        UseFakeDotnet(exitCode: 0);

        var run = RunScript(RepoScript, "build --drafts --today 2024-05-01");

        Assert.Equal(
            [["run", "--project", Path.Combine(RepoRoot, "generator"), "--", "build", "--drafts", "--today", "2024-05-01"]],
            ReadCalls());
        Assert.Equal(0, run.ExitCode);
        Assert.False(run.HadErrors, string.Join(Environment.NewLine, run.Errors));
    }

    [Fact]
    public void Build_is_the_default_task()
    {
        UseFakeDotnet(exitCode: 0);

        var run = RunScript(RepoScript, "");

        Assert.Equal([["run", "--project", Path.Combine(RepoRoot, "generator"), "--", "build"]], ReadCalls());
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Test_task_runs_dotnet_test_on_the_solution()
    {
        UseFakeDotnet(exitCode: 0);

        var run = RunScript(RepoScript, "test");

        Assert.Equal([["test", Path.Combine(RepoRoot, "Vestis.sln")]], ReadCalls());
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Serve_task_runs_the_generator_serve_with_passed_through_port()
    {
        UseFakeDotnet(exitCode: 0);

        var run = RunScript(RepoScript, "serve --port 8123");

        Assert.Equal(
            [["run", "--project", Path.Combine(RepoRoot, "generator"), "--", "serve", "--port", "8123"]],
            ReadCalls());
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Publish_task_publishes_the_generator_in_release_with_passed_through_arguments()
    {
        UseFakeDotnet(exitCode: 0);

        var run = RunScript(RepoScript, "publish --output /opt/vestis");

        Assert.Equal([["publish", Path.Combine(RepoRoot, "generator"), "-c", "Release", "--output", "/opt/vestis"]], ReadCalls());
        Assert.Equal(0, run.ExitCode);
        Assert.False(run.HadErrors, string.Join(Environment.NewLine, run.Errors));
    }

    [Theory]
    [InlineData("bench --announcements 1000 --runs 5", "whole", "--announcements", "1000", "--runs", "5")]
    [InlineData("bench", "whole")]
    [InlineData("bench stages --filter *Page*", "stages", "--filter", "*Page*")]
    public void Bench_task_runs_the_benchmark_project_in_release_whole_builds_unless_stages_are_asked_for(string arguments, params string[] command)
    {
        UseFakeDotnet(exitCode: 0);

        var run = RunScript(RepoScript, arguments);

        Assert.Equal([["run", "-c", "Release", "--project", Path.Combine(RepoRoot, "bench", "Vestis.Bench"), "--", .. command]], ReadCalls());
        Assert.Equal(0, run.ExitCode);
        Assert.False(run.HadErrors, string.Join(Environment.NewLine, run.Errors));
    }

    [Theory]
    [InlineData("check --today 2024-05-01", "check", "--today", "2024-05-01")]
    [InlineData("new ilukstes-novads dienas-centrs --lang en --project 9.3.1.1/18/I/004", "new", "ilukstes-novads", "dienas-centrs", "--lang", "en", "--project", "9.3.1.1/18/I/004")]
    public void Check_and_new_run_the_generator_command_with_passed_through_arguments(string arguments, params string[] command)
    {
        UseFakeDotnet(exitCode: 0);

        var run = RunScript(RepoScript, arguments);

        Assert.Equal([["run", "--project", Path.Combine(RepoRoot, "generator"), "--", .. command]], ReadCalls());
        Assert.Equal(0, run.ExitCode);
        Assert.False(run.HadErrors, string.Join(Environment.NewLine, run.Errors));
    }

    [Fact]
    public void Clean_task_removes_site_output_and_temporary_output_folders_and_runs_dotnet_clean()
    {
        UseFakeDotnet(exitCode: 0);
        var repo = Directory.CreateDirectory(Path.Combine(_temp, "repo")).FullName;
        File.Copy(RepoScript, Path.Combine(repo, "build.ps1"));
        Directory.CreateDirectory(Path.Combine(repo, "site-output", "posts"));
        File.WriteAllText(Path.Combine(repo, "site-output", "index.html"), "<html></html>");
        Directory.CreateDirectory(Path.Combine(repo, ".site-output.tmp-123"));
        Directory.CreateDirectory(Path.Combine(repo, "content"));

        var run = RunScript(Path.Combine(repo, "build.ps1"), "clean");

        Assert.False(Directory.Exists(Path.Combine(repo, "site-output")));
        Assert.False(Directory.Exists(Path.Combine(repo, ".site-output.tmp-123")));
        Assert.True(Directory.Exists(Path.Combine(repo, "content")));
        Assert.Equal([["clean", Path.Combine(repo, "Vestis.sln")]], ReadCalls());
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_failing_dotnet_exit_code_becomes_the_exit_code_of_the_script(int exitCode)
    {
        UseFakeDotnet(exitCode);

        var run = RunScript(RepoScript, "build");

        Assert.Single(ReadCalls());
        Assert.Equal(exitCode, run.ExitCode);
        Assert.True(run.HadErrors);
    }

    [Fact]
    public void An_unknown_task_is_rejected_without_calling_dotnet()
    {
        UseFakeDotnet(exitCode: 0);

        var run = RunScript(RepoScript, "deploy");

        Assert.Empty(ReadCalls());
        Assert.True(run.HadErrors);
        Assert.Contains(run.Errors, e => e.Contains("ValidateSet", StringComparison.Ordinal));
    }

    private sealed record ScriptRun(int? ExitCode, bool HadErrors, IReadOnlyList<string> Errors);

    /// <summary>Runs the script as a user would type it: <c>&amp; 'path' arguments</c>.</summary>
    private static ScriptRun RunScript(string scriptPath, string arguments)
    {
        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var powershell = PowerShell.Create(runspace);
        powershell.AddScript($"& '{scriptPath.Replace("'", "''")}' {arguments}");
        powershell.Invoke();

        var exitCode = runspace.SessionStateProxy.GetVariable("LASTEXITCODE");
        return new ScriptRun(
            exitCode is null ? null : LanguagePrimitives.ConvertTo<int>(exitCode),
            powershell.HadErrors,
            powershell.Streams.Error.Select(e => e.ToString()).ToList());
    }

    private void UseFakeDotnet(int exitCode)
    {
        var fake = Path.Combine(_temp, "fake-dotnet");
        File.WriteAllText(fake, $"""
            #!/bin/sh
            echo '{CallMarker}' >> '{_log}'
            for arg in "$@"; do printf '%s\n' "$arg" >> '{_log}'; done
            exit {exitCode}

            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Environment.SetEnvironmentVariable("VESTIS_DOTNET", fake);
    }

    /// <summary>The argument lists of each call the fake dotnet received, in order.</summary>
    private List<List<string>> ReadCalls()
    {
        var calls = new List<List<string>>();
        if (!File.Exists(_log))
        {
            return calls;
        }

        foreach (var line in File.ReadAllLines(_log))
        {
            if (line == CallMarker)
            {
                calls.Add([]);
            }
            else
            {
                calls[^1].Add(line);
            }
        }

        return calls;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vestis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Vestis.sln above {AppContext.BaseDirectory}");
    }
}
