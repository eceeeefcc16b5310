using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MarketingDev.Metrics.Tests.Prometheus;

/// <summary>
/// Prometheus 2 from the Debian package, scraping one target every second, on a loopback port and a temporary data
/// directory; stopped (the process it started, by its handle) when disposed.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/prometheus";
    private readonly Process _process;
    private readonly string _directory;

    private PrometheusServer(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public static PrometheusServer Start(string job, Uri target)
    {
        Assert.True(File.Exists(Binary), "Prometheus is missing: apt-get install -y prometheus (as root).");
        var directory = Directory.CreateTempSubdirectory("md-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: {job}
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(Binary,
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}/"));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Serves an in-process service's /metrics on a real loopback port, for a real Prometheus to scrape.</summary>
internal sealed class ScrapeProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _service;

    public ScrapeProxy(HttpClient service)
    {
        _service = service;
        Address = new Uri($"http://127.0.0.1:{PrometheusServer.FreePort()}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Address { get; }

    /// <summary>The last exposition Prometheus received through the proxy (for a failure message).</summary>
    public string LastScrape { get; private set; } = "(none yet)";

    public void Dispose()
    {
        _listener.Close();
        _service.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var answer = await _service.GetAsync(context.Request.Url!.PathAndQuery);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            var body = await answer.Content.ReadAsByteArrayAsync();
            LastScrape = $"{(int)answer.StatusCode} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}:\n{System.Text.Encoding.UTF8.GetString(body)}";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
