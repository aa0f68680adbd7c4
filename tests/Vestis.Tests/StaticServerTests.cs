using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vestis.Tests;

/// <summary>
/// The browser tests' web server behaves as a static host does when a browser leaves a page while it is still loading
/// (a click in a frame, a closed tab): the dropped responses are given up and every later request is still answered.
/// </summary>
public sealed class StaticServerTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("vestis-server-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_client_that_leaves_mid_response_does_not_stop_the_server()
    {
        // Larger than the socket buffers of both ends, so that the server is still writing when the client goes.
        await File.WriteAllBytesAsync(Path.Join(root, "large.bin"), new byte[64 << 20]);
        await File.WriteAllTextAsync(Path.Join(root, "index.html"), "<!DOCTYPE html><title>Still here</title>");
        using var server = new StaticServer(root);
        var port = new Uri(server.BaseUrl).Port;
        // A server that has stopped answering still accepts connections: each wait gives up rather than hanging the run.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        for (var i = 0; i < 3; i++)
        {
            using var leaving = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await leaving.ConnectAsync(IPAddress.Loopback, port, patience.Token);
            await leaving.SendAsync(Encoding.ASCII.GetBytes($"GET /large.bin HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"), patience.Token);
            // The first bytes of the response show the server has begun it; then the connection is reset, not closed politely.
            Assert.True(await leaving.ReceiveAsync(new byte[4096], patience.Token) > 0);
            leaving.LingerState = new LingerOption(true, 0);
            leaving.Close();
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Contains("Still here", await client.GetStringAsync(server.BaseUrl, patience.Token));
    }
}
