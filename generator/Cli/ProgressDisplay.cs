using System.Diagnostics;

namespace Vestis.Cli;

/// <summary>
/// Shows a build's progress: one plain line per stage as it ends (how many items, how long); on a terminal,
/// also a bar redrawn in place while a long stage runs.
/// </summary>
internal sealed class ProgressDisplay(TextWriter output, bool terminal) : BuildProgress
{
    private const int BarWidth = 30;
    private static readonly TimeSpan QuietFor = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch clock = new();
    private readonly object drawing = new();
    private string stage = "";
    private int total;
    private string items = "";
    private int done;
    private TimeSpan drawnAt;
    private bool barShown;

    public override void Start(string name)
    {
        stage = name;
        total = 0;
        items = "";
        done = 0;
        drawnAt = TimeSpan.Zero;
        clock.Restart();
    }

    public override void Count(int total, string items)
    {
        this.total = total;
        this.items = items;
    }

    public override void Advance()
    {
        var count = Interlocked.Increment(ref done);
        var now = clock.Elapsed;
        // Short stages and short builds draw nothing; workers never wait for the drawing.
        if (!terminal || total == 0 || now < QuietFor || now - drawnAt < RedrawEvery || !Monitor.TryEnter(drawing)) return;
        try
        {
            drawnAt = now;
            var filled = (int)((long)BarWidth * count / total);
            output.Write($"\r  {stage,-10} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {count}/{total}");
            output.Flush();
            barShown = true;
        }
        finally
        {
            Monitor.Exit(drawing);
        }
    }

    public override void Finish(string name, long milliseconds)
    {
        lock (drawing)
        {
            if (barShown) output.Write("\r" + new string(' ', BarWidth + 40) + "\r");
            barShown = false;
            output.WriteLine($"  {name,-10} {(total > 0 ? $"{total,7} {items}" : ""),-13} {milliseconds,7} ms");
        }
    }
}
