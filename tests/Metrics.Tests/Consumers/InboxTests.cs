using MarketingDev.Contracts.Events.Requests;
using MarketingDev.TestSupport;

namespace MarketingDev.Metrics.Tests.Consumers;

/// <summary>
/// A message delivered twice with the same message id has one effect, and the duplicate the inbox recognises is
/// consumed, not moved to a _skipped queue that nothing reads (where redeliveries piled up before).
/// </summary>
public sealed class InboxTests : IAsyncLifetime
{
    private readonly MetricsFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task SameMessage_DeliveredTwice_HasOneEffect_AndNothingIsSkipped()
    {
        var evt = new RequestDrafted(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "MKT-900", "Twice", "feature", "low", null, "maria");

        await _fixture.PublishAsync(evt);
        await _fixture.PublishAsync(evt);

        // Both deliveries reached the consumer's queue and left it (the broker's statistics lag by a few seconds).
        await Eventually.ReturnsAsync(() => RabbitQueues.GetAsync(_fixture.VirtualHost, "metrics-request-drafted"),
            q => q.Delivered >= 2 && q.Messages == 0, "both deliveries to be taken from the queue", TimeSpan.FromSeconds(30));
        Assert.Equal(1, await _fixture.StoredEventsAsync());
        Assert.Equal(0, await RabbitQueues.CountNowAsync(_fixture.VirtualHost, "metrics-request-drafted_skipped"));
    }
}
