using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;
using MarketingDev.TestSupport;

namespace MarketingDev.System.Tests;

/// <summary>
/// AppHost__Replicas=2: two Gateways and two Requests behind Aspire's proxy. Both Requests replicas run an outbox relay;
/// they share the rows with FOR UPDATE SKIP LOCKED, so every created request's event is published once and counted once.
/// </summary>
[Collection(RunningSystem.Collection)]
public sealed class ReplicaTests : IAsyncDisposable
{
    private const int Creates = 20;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "md-replicas-" + Guid.NewGuid().ToString("N")[..8]);

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TwoRequestsReplicas_PublishEveryEventOnce_AndMetricsCountsEachOnce()
    {
        // Migrations are applied by each service at start-up without a lock between processes: two replicas starting on a
        // new database race (one fails with "column ... already exists"). Migrate with one replica first.
        await using (var migrate = new RunningSystem([], _data))
        {
            await migrate.InitializeAsync();
        }

        await using var system = new RunningSystem(["--AppHost:Replicas=2"], _data);
        await system.InitializeAsync();
        Assert.Equal(2, RunningSystem.CountServiceProcesses("MarketingDev.Requests"));
        Assert.Equal(2, RunningSystem.CountServiceProcesses("MarketingDev.Gateway"));
        using var gateway = system.Gateway();

        await Task.WhenAll(Enumerable.Range(0, Creates).Select(async i =>
        {
            using var created = await gateway.PostAsJsonAsync("/api/v1/requests", new { title = $"Replica request {i}" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }));

        await Eventually.ReturnsAsync(
            async () => (await gateway.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary")).GetProperty("requestsDrafted").GetInt64(),
            n => n >= Creates, "the summary to count every request", TimeSpan.FromSeconds(60));
        // RabbitMQ's own count of messages published (its statistics refresh every 5 s): one per created request.
        var published = await Eventually.ReturnsAsync(() => PublishedAsync(system), n => n >= Creates, "RabbitMQ to count the publishes", TimeSpan.FromSeconds(30));
        var summary = await gateway.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary");

        Assert.Equal(Creates, published);
        Assert.Equal(Creates, summary.GetProperty("requestsDrafted").GetInt64());
    }

    private static async Task<long> PublishedAsync(RunningSystem system)
    {
        var management = system.App.GetEndpoint("messaging", "management");
        var password = (await File.ReadAllTextAsync(Path.Combine(system.Data, "rabbitmq-password"))).Trim();
        using var http = new HttpClient { BaseAddress = management };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"marketingdev:{password}")));
        var overview = await http.GetFromJsonAsync<JsonElement>("api/overview");
        return overview.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("publish", out var publish) ? publish.GetInt64() : 0;
    }
}
