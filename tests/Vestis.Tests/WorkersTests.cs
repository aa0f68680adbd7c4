using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Validation;

namespace Vestis.Tests;

/// <summary>
/// <c>--threads</c> bounds reading and checking the content too, not only the Markdown bodies and pages: the Load and
/// Validate stages do their files under the build's <see cref="BuildOptions.Workers"/>.
/// </summary>
public sealed class WorkersTests
{
    [Fact]
    public void Threads_are_the_build_options_bound()
    {
        var options = new BuildOptions(Repository.Content, Repository.Templates, null, false, new DateOnly(2026, 11, 23), 3);

        Assert.Equal(3, options.Workers.MaxDegreeOfParallelism);
    }

    [Fact]
    public void Loading_and_checking_read_the_files_one_at_a_time_when_given_one_worker()
    {
        var loading = new CountingScheduler();
        var checking = new CountingScheduler();
        var diagnostics = new DiagnosticBag();

        var sources = new ContentLoader(Repository.Content, diagnostics, workers: OneAtATime(loading)).Load();
        var validated = new ContentValidator(diagnostics, workers: OneAtATime(checking)).Validate(sources);

        // The same content as with every core.
        var everyCore = new DiagnosticBag();
        var unbounded = new ContentValidator(everyCore).Validate(new ContentLoader(Repository.Content, everyCore).Load());
        Assert.NotNull(validated);
        Assert.NotEmpty(validated.Content.Announcements);
        Assert.Equal(unbounded!.Content.Announcements.Select(a => (a.SourcePath, a.Language)), validated.Content.Announcements.Select(a => (a.SourcePath, a.Language)));
        Assert.Equal(everyCore.Sorted(), diagnostics.Sorted());
        // Each stage's files went through its scheduler, never two at once.
        foreach (var scheduler in new[] { loading, checking })
        {
            Assert.True(scheduler.Ran > 0, "the stage did not do its files under the options it was given");
            Assert.Equal(1, scheduler.MostAtOnce);
        }
    }

    private static ParallelOptions OneAtATime(TaskScheduler scheduler) => new() { MaxDegreeOfParallelism = 1, TaskScheduler = scheduler };

    /// <summary>Runs tasks on the thread pool, and counts them and how many ran at once.</summary>
    private sealed class CountingScheduler : TaskScheduler
    {
        private int running;
        private int mostAtOnce;
        private int ran;

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public int Ran => Volatile.Read(ref ran);

        protected override void QueueTask(Task task) => ThreadPool.UnsafeQueueUserWorkItem(_ => Run(task), null);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => !taskWasPreviouslyQueued && Run(task);

        protected override IEnumerable<Task> GetScheduledTasks() => [];

        private bool Run(Task task)
        {
            var now = Interlocked.Increment(ref running);
            for (var most = mostAtOnce; now > most; most = mostAtOnce)
                Interlocked.CompareExchange(ref mostAtOnce, now, most);
            Interlocked.Increment(ref ran);
            try
            {
                return TryExecuteTask(task);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }
    }
}
