using MarketingDev.AppHost.Infrastructure;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MarketingDev.TestSupport;

/// <summary>What RabbitMQ's management API says about a queue: what a test asserts instead of log lines.</summary>
public static class RabbitQueues
{
    public sealed record QueueState(bool Exists, long Messages, long Delivered);

    /// <summary>Queue statistics (they lag the broker by up to its statistics interval, 5 s by default).</summary>
    public static async Task<QueueState> GetAsync(string virtualHost, string queue)
    {
        using var http = await ClientAsync();
        using var response = await http.GetAsync($"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return new QueueState(false, 0, 0);
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = body.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0;
        var delivered = body.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("deliver_get", out var d) ? d.GetInt64() : 0;
        return new QueueState(true, messages, delivered);
    }

    /// <summary>The messages in a queue right now (fetched and requeued, not from statistics); 0 when it does not exist.</summary>
    public static async Task<int> CountNowAsync(string virtualHost, string queue)
    {
        using var http = await ClientAsync();
        using var response = await http.PostAsync($"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}/get",
            new StringContent("""{"count":100,"ackmode":"ack_requeue_true","encoding":"auto"}""", Encoding.UTF8, "application/json"));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return 0;
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();
    }

    private static async Task<HttpClient> ClientAsync() => LocalRabbit.ManagementClient((await TestServers.GetAsync()).ManagementUri, out _);
}
