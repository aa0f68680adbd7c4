using System.Net.Sockets;
using System.Runtime.InteropServices;
using Vestis.Serving;

namespace Vestis.Cli;

/// <summary><c>serve</c>: builds into memory, serves on 127.0.0.1 and rebuilds on every change until stopped.</summary>
internal static class ServeCommand
{
    private static readonly HashSet<string> Valued = ["--content", "--templates", "--today", "--threads", "--port"];

    public const int DefaultPort = 8123;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var options = Options.Parse(args, Valued, new HashSet<string>());
        if (options.Positional.Count > 0) throw new UsageException($"unexpected argument `{options.Positional[0]}`");
        var port = int.TryParse(options.Get("--port", DefaultPort.ToString()), out var p) && p is >= 0 and <= 65535
            ? p : throw new UsageException("--port takes a port number from 0 (any free port) to 65535");
        var content = options.Get("--content", "content");
        if (!Options.ContentExists(content, errors)) return 1;
        var build = new BuildOptions(content, options.Get("--templates", "templates"), null, IncludeDrafts: true, options.Today(), options.Threads());

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stop.Cancel());
        try
        {
            return ServeAsync(build, port, output, stop.Token).GetAwaiter().GetResult();
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            errors.WriteLine($"vestis: port {port} is in use; choose another with --port N (0 takes any free port)");
            return 1;
        }
    }

    private static async Task<int> ServeAsync(BuildOptions build, int port, TextWriter output, CancellationToken stop)
    {
        await using var server = await DevServer.StartAsync(build, port, output, stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("stopped");
        }
        return 0;
    }
}
