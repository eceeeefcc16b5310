using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.AppHost.Infrastructure;
using MarketingDev.TestSupport;

namespace MarketingDev.System.Tests;

/// <summary>
/// `dotnet run --project AppHost` as a newcomer runs it, with nothing given: it starts its own PostgreSQL and RabbitMQ,
/// the five services, prints the URLs and the admin key's file; the README's curl works; SIGTERM leaves nothing behind.
/// </summary>
public sealed class AppHostTests : IAsyncDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "md-apphost-" + Guid.NewGuid().ToString("N")[..8]);

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static string Describe(int pid)
    {
        try
        {
            return $"{pid} {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}";
        }
        catch (IOException)
        {
            return pid.ToString();
        }
    }

    [Fact]
    public async Task AppHost_RunsTheWholeSystem_ServesTheTracerBullet_AndStopsEverything()
    {
        var port = Ports.Free();
        await using var appHost = new RunningProcess(Binaries.AppHost, new Dictionary<string, string?>
        {
            ["AppHost__DataDir"] = _data,
            ["AppHost__GatewayPort"] = port.ToString(),
            ["ConnectionStrings__postgres"] = null,
            ["ConnectionStrings__messaging"] = null,
        });

        await appHost.WaitForOutputAsync("MarketingDev is up", TimeSpan.FromMinutes(3));
        var keyFile = Path.Combine(_data, "admin-api-key");
        Assert.Contains(keyFile, appHost.Output, StringComparison.Ordinal);
        var key = (await File.ReadAllTextAsync(keyFile)).Trim();
        Assert.DoesNotContain(key, appHost.Output, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var anonymous = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = JsonContent.Create(new { title = "x" }) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(anonymous)).StatusCode);

        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var created = await http.PostAsJsonAsync("/api/v1/requests", new { title = "Spring campaign landing page", userStory = new { asA = "campaign manager", iWant = "a landing page", soThat = "we capture leads" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // How fast it shows up is measured by bench/requests.sh (event latency), not asserted here under test load.
        await Eventually.ReturnsAsync(() => http.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary"),
            s => s.GetProperty("requestsDrafted").GetInt64() == 1, "the summary to count the request", TimeSpan.FromSeconds(10));

        var started = appHost.Descendants();
        Assert.True(started.Count >= 7, $"Expected the five services, PostgreSQL and RabbitMQ below the AppHost, found {started.Count} processes.");
        Native.Signal(appHost.Id, Native.SigTerm);

        Assert.Equal(0, await appHost.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        // Helpers such as Erlang's port programs end when their pipe closes, a moment after the node: allow them that.
        var survivors = await Eventually.ReturnsAsync(
            () => Task.FromResult(started.Where(pid => Directory.Exists($"/proc/{pid}")).ToList()),
            alive => alive.Count == 0, "every process the AppHost started to end", TimeSpan.FromSeconds(15))
            .ContinueWith(t => t.IsCompletedSuccessfully ? [] : started.Where(pid => Directory.Exists($"/proc/{pid}")).Select(Describe).ToList(), TaskScheduler.Default);
        Assert.True(survivors.Count == 0, $"Processes left behind: {string.Join(", ", survivors)}");
    }
}
