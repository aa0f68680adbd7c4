using System.Globalization;
using Vestis.Bench;

// whole [--announcements N] [--runs R] [--peers "hugo eleventy"] [--work DIR]: whole builds against the peers.
// stages [BenchmarkDotNet options]: micro-benchmarks of the hot stages.
// serve [--corpus DIR | --announcements N] [--runs R] [--work DIR]: an edit while serving, from the write to the page served.
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
var work = Option("--work", Path.Join(Path.GetTempPath(), "vestis-bench"));
if (args.Length > 0 && args[0] == "whole")
{
    return new WholeBuild(
        int.Parse(Option("--announcements", "10000"), CultureInfo.InvariantCulture),
        int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture),
        Option("--peers", "hugo"),
        work).Run();
}
if (args.Length > 0 && args[0] == "serve")
{
    var corpus = Option("--corpus", "") is { Length: > 0 } given ? given
        : WholeBuild.Corpus(work, int.Parse(Option("--announcements", "10000"), CultureInfo.InvariantCulture));
    return await new ServeEdit(corpus, int.Parse(Option("--runs", "7"), CultureInfo.InvariantCulture), work).Run();
}
if (args.Length > 0 && args[0] == "stages")
{
    return Stages.Run(args[1..]) ? 0 : 1;
}
Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Vestis.Bench -- whole [--announcements N] [--runs R] [--peers \"hugo eleventy\"] [--work DIR]");
Console.Error.WriteLine("       dotnet run -c Release --project bench/Vestis.Bench -- stages [BenchmarkDotNet options, e.g. --filter *Page*]");
Console.Error.WriteLine("       dotnet run -c Release --project bench/Vestis.Bench -- serve [--corpus DIR | --announcements N] [--runs R] [--work DIR]");
return 2;
