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
public sealed class ReplicaTests
{
    private const int Creates = 20;

    [Fact]
    public async Task TwoRequestsReplicas_PublishEveryEventOnce_AndMetricsCountsEachOnce()
    {
        await using var system = new RunningSystem(["--AppHost:Replicas=2"]);
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
