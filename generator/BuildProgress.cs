using System.Diagnostics;

namespace Vestis;

/// <summary>
/// Hears how far a build is: each stage as it starts and ends, and the items of the long stages as they are done.
/// The command line shows it; the base class ignores it. <see cref="Advance"/> is called from parallel workers.
/// </summary>
public class BuildProgress
{
    public static readonly BuildProgress None = new();

    public virtual void Start(string stage) { }

    /// <summary>How many items the running stage will do, and what they are ("files", "pages").</summary>
    public virtual void Count(int total, string items) { }

    public virtual void Advance() { }

    public virtual void Finish(string stage, long milliseconds) { }
}

/// <summary>Runs a build's stages one after another, timing each and telling <see cref="BuildProgress"/>.</summary>
public sealed class StageClock(BuildProgress progress)
{
    private readonly List<(string Stage, long Milliseconds)> timings = [];

    public BuildProgress Progress => progress;

    public IReadOnlyList<(string Stage, long Milliseconds)> Timings => timings;

    public T Stage<T>(string name, Func<T> run)
    {
        progress.Start(name);
        var clock = Stopwatch.StartNew();
        var result = run();
        timings.Add((name, clock.ElapsedMilliseconds));
        progress.Finish(name, clock.ElapsedMilliseconds);
        return result;
    }

    /// <summary>A stage that makes nothing the build goes on with.</summary>
    public void Stage(string name, Action run) => Stage(name, () =>
    {
        run();
        return true;
    });
}
