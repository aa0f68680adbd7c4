using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vestis.Diagnostics;

namespace Vestis.Serving;

/// <summary>
/// <c>serve</c>: the live site over HTTP on 127.0.0.1 (Kestrel). Pages get a small script that reloads them
/// when the site is rebuilt; while the site has errors every page is an overlay listing them.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private const string ReloadScriptPath = "/__vestis/live-reload.js";
    private const string EventsPath = "/__vestis/events";

    /// <summary>Long enough for the browser to have reloaded the page after a rebuild.</summary>
    private static readonly TimeSpan QuietBeforeCollecting = TimeSpan.FromSeconds(1);

    private readonly LiveSite site;
    private readonly WebApplication app;
    private readonly ContentWatcher watcher;
    private readonly TextWriter log;
    private readonly FileExtensionContentTypeProvider contentTypes = new();
    private TaskCompletionSource rebuilt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DevServer(LiveSite site, WebApplication app, BuildOptions options, TextWriter log)
    {
        this.site = site;
        this.app = app;
        this.log = log;
        watcher = new ContentWatcher([options.ContentDirectory, options.TemplatesDirectory], Rebuild);
        contentTypes.Mappings[".json"] = "application/json; charset=utf-8";
        contentTypes.Mappings[".xml"] = "application/xml; charset=utf-8";
        contentTypes.Mappings[".csv"] = "text/csv; charset=utf-8";
    }

    public Uri Address { get; private set; } = null!;

    public SiteSnapshot Current => site.Current;

    /// <summary>Builds the site, prints what the build found, and starts serving it on 127.0.0.1.</summary>
    /// <param name="port">0 for any free port; <see cref="Address"/> says which.</param>
    public static async Task<DevServer> StartAsync(BuildOptions options, int port, TextWriter log, CancellationToken cancellation)
    {
        log = TextWriter.Synchronized(log);
        var site = new LiveSite(options, file =>
        {
            foreach (var problem in file.Problems) log.WriteLine(problem);
        });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new DevServer(site, app, options, log);
        app.Run(server.HandleAsync);

        // Watching before the first build reads anything: a rebuild looks only at the files the watcher names.
        server.watcher.Start();
        var first = site.Rebuild();
        foreach (var diagnostic in first.Diagnostics) log.WriteLine(diagnostic);
        await app.StartAsync(cancellation);
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        log.WriteLine($"serving {server.Address} from memory: {first.FileCount} files, {Summary(first)} in {first.Milliseconds} ms");
        log.WriteLine("drafts and announcements dated in the future are shown and marked; edits reload the browser; Ctrl+C stops");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        watcher.Dispose();
        rebuilt.TrySetResult();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Rebuild(IReadOnlyCollection<string>? changed)
    {
        var snapshot = site.Rebuild(changed);
        var changedFiles = (changed ?? []).Select(p => p.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        // All errors, but only the warnings of the files just edited: a large site has thousands of old ones.
        foreach (var diagnostic in snapshot.Diagnostics.Where(d => d.Severity == Severity.Error || changedFiles.Any(f => f.EndsWith(d.Span.Path, StringComparison.Ordinal))))
            log.WriteLine(diagnostic);
        var what = changed is null ? "files the watcher lost count of" : changed.Count == 1 ? Path.GetFileName(changed.First()) : $"{changed.Count} files";
        log.WriteLine($"rebuilt in {snapshot.Milliseconds} ms after a change to {what}: {Summary(snapshot)}");
        Interlocked.Exchange(ref rebuilt, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        _ = Task.Delay(QuietBeforeCollecting).ContinueWith(_ => site.CollectGarbage(snapshot.Generation), TaskScheduler.Default);
    }

    private static string Summary(SiteSnapshot snapshot) =>
        $"{snapshot.Diagnostics.Count(d => d.Severity == Severity.Error)} error(s), {snapshot.Diagnostics.Count(d => d.Severity == Severity.Warning)} warning(s)";

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path == EventsPath) await EventsAsync(http);
        else if (path == ReloadScriptPath) await RespondAsync(http, 200, "text/javascript; charset=utf-8", ReloadScript);
        else await PageAsync(http, path);
    }

    private async Task PageAsync(HttpContext http, string path)
    {
        var snapshot = site.Current;
        if (snapshot.Failed)
        {
            await OverlayAsync(http, snapshot, snapshot.Diagnostics);
            return;
        }
        var root = site.Root;
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            if (path == "/") http.Response.Redirect(root);
            else await NotFoundAsync(http, snapshot, "");
            return;
        }
        var relative = Uri.UnescapeDataString(path[root.Length..]);
        if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
        if (snapshot.Get(relative) is not { } file)
        {
            if (snapshot.Has(relative + "/index.html")) http.Response.Redirect(path + "/");
            else await NotFoundAsync(http, snapshot, relative);
            return;
        }
        if (file.Problems.Any(d => d.Severity == Severity.Error))
        {
            await OverlayAsync(http, snapshot, file.Problems);
            return;
        }
        await ServeAsync(http, 200, file, snapshot);
    }

    /// <summary>The not-found page of the language the address is in (<c>/en/…</c>), else the site's.</summary>
    private async Task NotFoundAsync(HttpContext http, SiteSnapshot snapshot, string relative)
    {
        var language = relative.Split('/')[0];
        if ((snapshot.Get($"{language}/404.html") ?? snapshot.Get("404.html")) is { } notFound) await ServeAsync(http, 404, notFound, snapshot);
        else await RespondAsync(http, 404, "text/plain; charset=utf-8", "not found");
    }

    private Task ServeAsync(HttpContext http, int status, ServedFile file, SiteSnapshot snapshot)
    {
        var type = contentTypes.TryGetContentType(file.Path, out var known) ? known : "application/octet-stream";
        if (!type.StartsWith("text/html", StringComparison.Ordinal)) return RespondAsync(http, status, type, file.Content);
        var html = Encoding.UTF8.GetString(file.Content);
        var end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        var script = ReloadTag(snapshot);
        return RespondAsync(http, status, "text/html; charset=utf-8", end < 0 ? html + script : html.Insert(end, script));
    }

    private static string ReloadTag(SiteSnapshot snapshot) =>
        $"<script src=\"{ReloadScriptPath}\" data-generation=\"{snapshot.Generation}\"></script>\n";

    private static Task OverlayAsync(HttpContext http, SiteSnapshot snapshot, IReadOnlyList<Diagnostic> diagnostics) =>
        RespondAsync(http, 500, "text/html; charset=utf-8", ErrorOverlay.Html(diagnostics, ReloadTag(snapshot)));

    private static Task RespondAsync(HttpContext http, int status, string type, string text) =>
        RespondAsync(http, status, type, Encoding.UTF8.GetBytes(text));

    private static async Task RespondAsync(HttpContext http, int status, string type, byte[] content)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = type;
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.Body.WriteAsync(content, http.RequestAborted);
    }

    /// <summary>Server-sent events: the current build's number, then each new one as it is made.</summary>
    private async Task EventsAsync(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, app.Lifetime.ApplicationStopping);
        var stop = closing.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var next = rebuilt.Task;
                await http.Response.WriteAsync($"data: {site.Current.Generation}\n\n", stop);
                await http.Response.Body.FlushAsync(stop);
                // A comment now and then keeps proxies and browsers from closing a quiet stream.
                while (await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(15), stop)) != next)
                    await http.Response.WriteAsync(": still here\n\n", stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The tab was closed or the server is stopping.
        }
    }

    // Reloads the page when a build newer than the one that made it is announced.
    private const string ReloadScript = """
        // vestis serve: reloads this page when the site has been rebuilt.
        (() => {
          const made = document.currentScript.dataset.generation;
          const events = new EventSource("/__vestis/events");
          events.onopen = () => { document.documentElement.dataset.vestisLive = "listening"; };
          events.onmessage = (event) => {
            if (event.data !== made) location.reload();
          };
        })();

        """;
}
