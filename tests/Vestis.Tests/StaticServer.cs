using System.Net;
using System.Net.Sockets;

namespace Vestis.Tests;

/// <summary>
/// A folder served over HTTP on 127.0.0.1 and a free port, as a static host would serve a built site:
/// a folder's address answers with its index.html. Each server is an origin of its own.
/// </summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string root;
    private readonly IReadOnlyDictionary<string, string> headers;

    /// <param name="headers">Sent with every response, such as a Content-Security-Policy.</param>
    public StaticServer(string root, IReadOnlyDictionary<string, string>? headers = null)
    {
        this.root = root;
        this.headers = headers ?? new Dictionary<string, string>();
        BaseUrl = $"http://127.0.0.1:{FreePort()}/";
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        _ = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    /// <summary>The scheme, host and port, as a browser names the origin of a page served here.</summary>
    public string Origin => BaseUrl.TrimEnd('/');

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            // Each request is answered on its own, as a browser asks for a page's frames and scripts at once.
            _ = Task.Run(() => Respond(context));
        }
    }

    private async Task Respond(HttpListenerContext context)
    {
        var path = Path.Join(root, Uri.UnescapeDataString(context.Request.Url!.AbsolutePath));
        if (Directory.Exists(path)) path = Path.Join(path, "index.html");
        var found = File.Exists(path);
        context.Response.StatusCode = found ? 200 : 404;
        context.Response.ContentType = Path.GetExtension(path) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css",
            ".js" => "text/javascript; charset=utf-8",
            ".json" => "application/json; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        foreach (var (name, value) in headers) context.Response.Headers[name] = value;
        try
        {
            if (found) await context.Response.OutputStream.WriteAsync(await File.ReadAllBytesAsync(path));
            context.Response.Close();
        }
        // A browser that leaves a page while it loads drops its requests: the response is given up, the server goes on.
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            context.Response.Abort();
        }
    }

    internal static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose() => listener.Close();
}
