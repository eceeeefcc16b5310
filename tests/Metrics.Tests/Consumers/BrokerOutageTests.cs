using MarketingDev.AppHost.Infrastructure;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Metrics.Tests.Consumers;

/// <summary>
/// RabbitMQ stopped while requests are being written: the writes succeed (their events wait in the outbox) and every
/// event arrives exactly once after the broker is back. Uses a broker of its own, since it stops it.
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "md-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalRabbit? _rabbit;
    private MetricsFixture? _fixture;

    public async ValueTask InitializeAsync()
    {
        _rabbit = await LocalRabbit.StartAsync(_dataRoot, _ => { }, CancellationToken.None);
        _fixture = new MetricsFixture(_rabbit.AmqpUri());
        await _fixture.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }

        if (_rabbit is not null)
        {
            await _rabbit.DisposeAsync();
        }

        Directory.Delete(_dataRoot, recursive: true);
    }

    [Fact]
    public async Task BrokerDown_WritesSucceed_AndEveryEventArrivesOnceItIsBack()
    {
        var fixture = _fixture!;
        Task<GrpcMetrics.Summary> Summary() => fixture.Metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery()).ResponseAsync;
        Task<GrpcRequests.RequestReply> Draft(string title) => fixture.Requests.DraftRequestAsync(
            new GrpcRequests.DraftRequestCommand { Content = new GrpcRequests.RequestContent { Title = title } }).ResponseAsync;
        await Draft("Before the outage");
        await Eventually.ReturnsAsync(Summary, s => s.RequestsDrafted == 1, "the first event before the outage");

        var ports = _rabbit!.Ports;
        await _rabbit.DisposeAsync();
        _rabbit = null;
        for (var i = 0; i < 5; i++)
        {
            await Draft($"During the outage {i}");
        }

        var pending = await WithRequestsOutboxAsync(fixture, q => q.CountAsync(m => m.DispatchedAt == null));
        Assert.Equal(5, pending);
        Assert.Equal(1, (await Summary()).RequestsDrafted);

        _rabbit = await LocalRabbit.StartAsync(_dataRoot, _ => { }, CancellationToken.None, ports);

        await Eventually.ReturnsAsync(() => WithRequestsOutboxAsync(fixture, q => q.CountAsync(m => m.DispatchedAt == null)),
            n => n == 0, "the outbox to drain after the broker is back", TimeSpan.FromSeconds(90));
        var summary = await Eventually.ReturnsAsync(Summary, s => s.RequestsDrafted >= 6, "all six events to be counted", TimeSpan.FromSeconds(90));
        Assert.Equal(6, summary.RequestsDrafted);
        Assert.Equal(6, await fixture.WithMetricsDbAsync(db => db.InboxMessages.CountAsync()));
    }

    private static async Task<int> WithRequestsOutboxAsync(MetricsFixture fixture, Func<IQueryable<ServiceDefaults.Messaging.OutboxMessage>, Task<int>> query)
    {
        await using var scope = fixture.RequestsHost.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketingDev.Requests.Data.RequestsDbContext>();
        return await query(db.OutboxMessages.AsNoTracking());
    }
}
