using System.Globalization;
using BenchmarkDotNet.Running;
using Vestis.Bench;

// whole [--announcements N] [--runs R] [--peers "hugo eleventy"] [--work DIR]: whole builds against the peers.
// stages [BenchmarkDotNet options]: micro-benchmarks of the hot stages.
if (args.Length > 0 && args[0] == "whole")
{
    string Option(string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
    return new WholeBuild(
        int.Parse(Option("--announcements", "10000"), CultureInfo.InvariantCulture),
        int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture),
        Option("--peers", "hugo"),
        Option("--work", Path.Join(Path.GetTempPath(), "vestis-bench"))).Run();
}
if (args.Length > 0 && args[0] == "stages")
{
    BenchmarkRunner.Run<Stages>(args: args[1..]);
    return 0;
}
Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Vestis.Bench -- whole [--announcements N] [--runs R] [--peers \"hugo eleventy\"] [--work DIR]");
Console.Error.WriteLine("       dotnet run -c Release --project bench/Vestis.Bench -- stages [BenchmarkDotNet options, e.g. --filter *Page*]");
return 2;
