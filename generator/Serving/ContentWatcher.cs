namespace Vestis.Serving;

/// <summary>
/// Watches folders for changes and calls back once a burst of them has settled (an editor's save is often
/// several events), with the files and folders that changed, or null when the watcher lost track of some
/// (its buffer overflowed). Callbacks never overlap.
/// </summary>
public sealed class ContentWatcher(IReadOnlyList<string> folders, Action<IReadOnlyCollection<string>?> changed) : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(40);

    private readonly List<FileSystemWatcher> watchers = [];
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);
    private bool lost;
    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim signal = new(0);

    public void Start()
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Note(e.FullPath);
            watcher.Created += (_, e) => Note(e.FullPath);
            watcher.Deleted += (_, e) => Note(e.FullPath);
            watcher.Renamed += (_, e) => { Note(e.OldFullPath); Note(e.FullPath); };
            watcher.Error += (_, _) => Lost();
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
        }
        _ = Task.Run(LoopAsync);
    }

    public void Dispose()
    {
        stop.Cancel();
        foreach (var watcher in watchers) watcher.Dispose();
    }

    // Editors' swap and backup files (.x.swp, x~) are not content.
    private void Note(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.') || name.EndsWith('~')) return;
        lock (pending) pending.Add(path);
        signal.Release();
    }

    private void Lost()
    {
        lock (pending) lost = true;
        signal.Release();
    }

    private async Task LoopAsync()
    {
        try
        {
            while (true)
            {
                await signal.WaitAsync(stop.Token);
                while (await signal.WaitAsync(Settle, stop.Token)) { }
                string[]? files;
                lock (pending)
                {
                    files = lost ? null : pending.Order(StringComparer.Ordinal).ToArray();
                    pending.Clear();
                    lost = false;
                }
                if (files is null || files.Length > 0) changed(files);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
