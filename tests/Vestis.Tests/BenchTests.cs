using Vestis.Bench;

namespace Vestis.Tests;

/// <summary>The stage benchmarks run on the bundled site: each measures real work, not an empty or failing call.</summary>
public sealed class BenchTests
{
    [Fact]
    public void Every_stage_benchmark_does_its_stage_once_on_the_bundled_site()
    {
        var stages = new Stages();
        stages.Setup();
        try
        {
            Assert.NotNull(stages.FrontMatter());
            Assert.Contains("<p>", stages.Markdown().Html, StringComparison.Ordinal);
            Assert.Contains("data-eu-publicity", System.Text.Encoding.UTF8.GetString(stages.Page().Content!), StringComparison.Ordinal);
            stages.Audit();
            Assert.Equal(new Output.WriteSummary(100, 0, 0), stages.Write());
        }
        finally
        {
            stages.Cleanup();
        }
    }

    [Fact]
    public void The_stage_benchmarks_run_under_BenchmarkDotNet()
    {
        Assert.True(Stages.Run(["--filter", "*FrontMatter*", "--job", "dry"], unoptimized: true));
        Assert.False(Stages.Run(["--filter", "*NoSuchStage*", "--job", "dry"], unoptimized: true));
    }
}
