<#
.SYNOPSIS
    Build, check, test, serve, publish or clean Vestis, or start a new announcement, from PowerShell 7.

.DESCRIPTION
    Thin wrapper around the dotnet CLI. Arguments after the task are passed
    through to the Vestis CLI (build, check, new, serve) or to 'dotnet test' (test).
    The exit code of dotnet becomes the exit code of this script.
    Set VESTIS_DOTNET to use another dotnet executable (default: dotnet).

.EXAMPLE
    ./build.ps1
    Builds the site (same as ./build.ps1 build).

.EXAMPLE
    ./build.ps1 build --drafts --today 2024-05-01

.EXAMPLE
    ./build.ps1 check

.EXAMPLE
    ./build.ps1 new ilukstes-novads dienas-centrs-atverts --project 9.3.1.1/18/I/003
    Writes a ready-to-edit announcement dated today.

.EXAMPLE
    ./build.ps1 test

.EXAMPLE
    ./build.ps1 serve --port 8123

.EXAMPLE
    ./build.ps1 publish --output /opt/vestis
    Publishes the generator as a large site should run it, compiled to native code for this kind of machine:
    then '/opt/vestis/vestis build --content ... --output ...'. Add -p:PublishAot=false where there is no C
    compiler and linker: then 'dotnet /opt/vestis/vestis.dll build ...'.

.EXAMPLE
    ./build.ps1 bench --announcements 10000 --runs 3
    Times cold, no-op and one-edit builds of a generated corpus against Hugo on the same corpus
    (bench/Vestis.Bench; needs python3, bash and /usr/bin/time; run-peers.sh installs Hugo).
    './build.ps1 bench stages' runs the BenchmarkDotNet micro-benchmarks of the hot stages instead.

.EXAMPLE
    ./build.ps1 clean
    Removes site-output/ and any .site-output.* folders, then runs dotnet clean.
#>
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'check', 'new', 'test', 'serve', 'publish', 'bench', 'clean')]
    [string] $Task = 'build',

    [Parameter(ValueFromRemainingArguments)]
    [string[]] $Rest = @()
)

# Only language features and .NET APIs are used below (no Management/Utility
# cmdlets), so the script also runs in a bare System.Management.Automation host.
$ErrorActionPreference = 'Stop'
$dotnet = if ($env:VESTIS_DOTNET) { $env:VESTIS_DOTNET } else { 'dotnet' }
$root = $PSScriptRoot
$generator = [System.IO.Path]::Combine($root, 'generator')
$solution = [System.IO.Path]::Combine($root, 'Vestis.sln')

switch ($Task) {
    'test' { & $dotnet test $solution @Rest }
    'publish' { & $dotnet publish $generator -c Release @Rest }
    'bench' {
        $bench = [System.IO.Path]::Combine($root, 'bench', 'Vestis.Bench')
        if ($Rest.Count -gt 0 -and $Rest[0] -eq 'stages') { & $dotnet run -c Release --project $bench '--' @Rest }
        else { & $dotnet run -c Release --project $bench '--' whole @Rest }
    }
    'clean' {
        foreach ($dir in [System.IO.Directory]::GetDirectories($root)) {
            $name = [System.IO.Path]::GetFileName($dir)
            if ($name -eq 'site-output' -or $name.StartsWith('.site-output.')) {
                [System.IO.Directory]::Delete($dir, $true)
            }
        }
        & $dotnet clean $solution
    }
    # build, check, new and serve are the generator's own commands.
    default { & $dotnet run --project $generator '--' $Task @Rest }
}
exit $LASTEXITCODE
