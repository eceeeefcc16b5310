using System.Text.Json;
using MarketingDev.TestSupport;

namespace MarketingDev.Gateway.Tests.Webhooks;

/// <summary>Deliveries are stored: a Gateway stopped in the middle of sending loses none of them.</summary>
public sealed class WebhookRestartTests : IAsyncLifetime
{
    private readonly WebhooksFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task GatewayRestartedMidDelivery_DeliversEveryEvent_WithTheOriginalIds()
    {
        var receiver = _fixture.Receiver;
        var url = receiver.NewUrl();
        var (id, secret) = await _fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        // The receiver holds the first attempts open: they are in flight when the Gateway goes down.
        receiver.Script(url, new Reply(200, Delay: TimeSpan.FromMinutes(5)));
        var requests = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            requests.Add(await _fixture.DraftRequestAsync($"Restart {i}"));
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Holding(url)), n => n >= 1, "an attempt in flight",
            TimeSpan.FromSeconds(20));
        await _fixture.RestartGatewayAsync();
        // An event published while no Gateway consumed waits in the shared queue.
        requests.Add(await _fixture.DraftRequestAsync("After restart"));

        List<Received> delivered;
        try
        {
            delivered = (await Eventually.ReturnsAsync(() => Task.FromResult(new Attempts(requests, receiver.At(url))),
                a => a.AllAnswered, "all four events", TimeSpan.FromSeconds(40))).Answered;
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException(string.Join(Environment.NewLine,
                [timeout.Message, "The stopped Gateway logged:", .. _fixture.PreviousLogs!.WarningsAndErrors(),
                 "The new Gateway logged:", .. _fixture.Gateway.Logs.WarningsAndErrors()]), timeout);
        }

        Assert.All(delivered, r => Assert.True(WebhookReceiver.Verify(secret, r)));
        var ids = delivered.Select(r => r.Id).Distinct().ToList();
        Assert.Equal(4, ids.Count);
        // The attempt cut off by the restart and its retry carry the same id.
        var cutOff = receiver.At(url).First(r => r.Answered == 0);
        Assert.Contains(cutOff.Id, ids);
        // Attempts are recorded after the receiver has answered (in batches): wait for the record.
        await Eventually.ReturnsAsync(() => _fixture.DeliveriesAsync(id),
            p => p.GetProperty("items").GetArrayLength() == 4
                 && p.GetProperty("items").EnumerateArray().All(d => d.GetProperty("status").GetString() == "succeeded"),
            "the four deliveries recorded as succeeded");
    }

    /// <summary>What the receiver saw, per request in order (its answers), so a timeout says which event is missing.</summary>
    private sealed record Attempts(List<Guid> Requests, IReadOnlyList<Received> Seen)
    {
        public List<Received> Answered => [.. Seen.Where(r => r.Answered == 200)];

        public bool AllAnswered => Requests.All(rid => Answered.Any(m => m.Body.Contains(rid.ToString(), StringComparison.Ordinal)));

        public override string ToString() => string.Join("; ", Requests.Select((rid, i) =>
            $"request {i}: [{string.Join(", ", Seen.Where(m => m.Body.Contains(rid.ToString(), StringComparison.Ordinal)).Select(m => $"{m.Answered} at {m.At:HH:mm:ss.fff}"))}]"));
    }
}
