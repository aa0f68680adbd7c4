using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Vestis.Tests;

/// <summary>
/// A built site served by Debian's nginx on a free port of 127.0.0.1, configured as the README tells a web person to:
/// each language's folder with its own not-found page, the site's one at the root, and the MIME types of every file
/// the site writes. Everything nginx writes (configuration, pid, logs, temporary files) stays in a temporary folder.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private readonly string folder;
    private readonly Process process;

    public NginxServer(string root)
    {
        var nginx = Executable();
        folder = Directory.CreateTempSubdirectory("vestis-nginx-").FullName;
        var port = StaticServer.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        var config = Path.Join(folder, "nginx.conf");
        File.WriteAllText(config, Configuration(root, port, folder));
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", folder, "-c", config, "-e", Path.Join(folder, "error.log") }) start.ArgumentList.Add(argument);
        process = Process.Start(start)!;
        WaitUntilListening(port);
    }

    public string BaseUrl { get; }

    /// <summary>nginx from VESTIS_NGINX or the distribution's package (.ci/run installs it).</summary>
    private static string Executable()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("VESTIS_NGINX"), "/usr/sbin/nginx", "/usr/bin/nginx" };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
            ?? throw new InvalidOperationException("the browser quality gate serves the site with nginx: run .ci/run, or apt-get install nginx, or set VESTIS_NGINX to its path");
    }

    private static string Configuration(string root, int port, string folder)
    {
        var languages = Directory.EnumerateDirectories(root)
            .Where(d => File.Exists(Path.Join(d, "404.html")))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var text = new StringBuilder();
        // Run as root (a CI container), nginx's workers would become "nobody" and could not read a private temporary folder.
        if (Environment.UserName == "root") text.Append("user root;\n");
        text.Append($$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            events { worker_connections 64; }
            http {
              types {
                text/html html;
                text/css css;
                text/javascript js;
                application/json json;
                image/svg+xml svg;
                application/xml xml;
                text/csv csv;
                image/png png;
                image/jpeg jpg jpeg;
                image/webp webp;
                application/pdf pdf;
              }
              default_type application/octet-stream;
              charset utf-8;
              charset_types text/css text/javascript application/json application/xml text/csv image/svg+xml;
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              server {
                listen 127.0.0.1:{{port}};
                root {{root}};
                error_page 404 /404.html;

            """);
        foreach (var language in languages) text.Append($"    location /{language}/ {{ error_page 404 /{language}/404.html; }}\n");
        text.Append("  }\n}\n");
        return text.ToString();
    }

    private void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {process.StandardError.ReadToEnd()}{ErrorLog()}");
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline) { Thread.Sleep(50); }
        }
    }

    private string ErrorLog()
    {
        var log = Path.Join(folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
