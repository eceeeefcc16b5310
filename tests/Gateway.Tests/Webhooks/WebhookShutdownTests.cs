using MarketingDev.TestSupport;

namespace MarketingDev.Gateway.Tests.Webhooks;

/// <summary>
/// A Gateway that stops mid-send gives the delivery back: with leases of two minutes, the next Gateway sends the cut-off
/// delivery within seconds instead of when its lease ends.
/// </summary>
public sealed class WebhookShutdownTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly LongLeaseFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task GatewayStoppedMidSend_GivesTheDeliveryBack_SoTheNextGatewaySendsItAtOnce()
    {
        var receiver = _fixture.Receiver;
        var url = receiver.NewUrl();
        var (id, _) = await _fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        // The first attempt is held open: it is in flight when the Gateway stops. Later ones are answered at once.
        receiver.Script(url, new Reply(200, Delay: TimeSpan.FromMinutes(5)));
        var request = await _fixture.DraftRequestAsync("Cut off by a deploy");
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Holding(url)), n => n == 1, "the attempt in flight");
        var stoppedAt = DateTimeOffset.UtcNow;

        await _fixture.RestartGatewayAsync();

        var retry = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.At(url).FirstOrDefault(r => r.Answered == 200)), r => r is not null,
            "the cut-off delivery sent again by the next Gateway", TimeSpan.FromSeconds(30));
        Assert.True(retry!.At - stoppedAt < Lease / 4, $"sent again {retry.At - stoppedAt} after the stop; the lease was {Lease}");
        Assert.Contains(request.ToString(), retry.Body, StringComparison.Ordinal);
        Assert.Equal(receiver.At(url).First(r => r.Answered == 0).Id, retry.Id);
        Assert.True(_fixture.PreviousLogs!.Contains("gave back 1 webhook deliveries"), "the stopped Gateway says what it gave back");
        // The cut-off send is not an attempt: the delivery succeeded at its first recorded attempt.
        var deliveries = await Eventually.ReturnsAsync(() => _fixture.DeliveriesAsync(id),
            p => p.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("status").GetString() == "succeeded"), "the delivery recorded");
        var delivery = Assert.Single(deliveries.GetProperty("items").EnumerateArray());
        Assert.Equal(1, delivery.GetProperty("attemptCount").GetInt32());
    }

    private sealed class LongLeaseFixture() : WebhooksFixture(new Dictionary<string, string?>
    {
        ["Webhooks:AttemptTimeout"] = "00:01:00",
        ["Webhooks:ClaimMargin"] = "00:01:00",
    });
}
