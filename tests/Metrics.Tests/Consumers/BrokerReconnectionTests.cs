using System.Diagnostics;
using MarketingDev.AppHost.Infrastructure;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Metrics.Tests.Consumers;

/// <summary>
/// How long after RabbitMQ is back the services use it again: the Requests outbox relay publishes and the Metrics
/// consumer consumes within a few seconds. (Before, MassTransit restarted its endpoints up to 30 s apart and the relay
/// backed off up to 5 s: issue 10 measured ~28 s for the Metrics consumer.) Uses a broker of its own, since it stops it.
/// </summary>
public sealed class BrokerReconnectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Generous for a loaded 2-core CI machine; MassTransit's old schedule misses it after an outage this long.</summary>
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(6);
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "md-reconnect-" + Guid.NewGuid().ToString("N")[..8]);
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
    public async Task BrokerRestarted_PublishingAndConsumingResumeWithinSeconds()
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
        await Draft("During the outage");
        // Both services have noticed (their health says so) and are retrying: the outage has lasted a while.
        await WaitForHealthAsync(fixture.MetricsHost, 503);
        await WaitForHealthAsync(fixture.RequestsHost, 503);
        await Task.WhenAll(Draft("Late in the outage"), WaitForRelayFailuresAsync(fixture, 1));

        _rabbit = await LocalRabbit.StartAsync(_dataRoot, _ => { }, CancellationToken.None, ports);
        var back = Stopwatch.StartNew();
        await Eventually.ReturnsAsync(() => OutboxAsync(fixture, q => q.CountAsync(m => m.DispatchedAt == null)), n => n == 0,
            "the outbox to drain after the broker is back", TimeSpan.FromSeconds(60));
        var published = back.Elapsed;
        await Eventually.ReturnsAsync(Summary, s => s.RequestsDrafted >= 3, "the outage's events to be counted", TimeSpan.FromSeconds(60));
        var consumed = back.Elapsed;
        output.WriteLine($"Broker back → outbox drained in {published.TotalSeconds:0.0} s, events consumed in {consumed.TotalSeconds:0.0} s");

        Assert.Equal(3, (await Summary()).RequestsDrafted);
        Assert.True(published < Allowed, $"Publishing resumed {published.TotalSeconds:0.0} s after the broker was back (allowed {Allowed.TotalSeconds} s).");
        Assert.True(consumed < Allowed, $"Consuming resumed {consumed.TotalSeconds:0.0} s after the broker was back (allowed {Allowed.TotalSeconds} s).");
    }

    private static async Task WaitForHealthAsync<T>(ServiceHost<T> host, int status) where T : class
    {
        using var http = host.CreateClient();
        await Eventually.ReturnsAsync(async () => (int)(await http.GetAsync("/health")).StatusCode, s => s == status,
            $"{typeof(T).Name} /health to be {status}", TimeSpan.FromSeconds(60));
    }

    /// <summary>The relay has tried and failed to publish this many times: it is in its back-off.</summary>
    private static Task<int?> WaitForRelayFailuresAsync(MetricsFixture fixture, int attempts) =>
        Eventually.ReturnsAsync(() => OutboxAsync(fixture, q => q.Where(m => m.DispatchedAt == null).MaxAsync(m => (int?)m.Attempts)),
            n => (n ?? 0) >= attempts, $"{attempts} failed publish attempts", TimeSpan.FromSeconds(60));

    private static async Task<T> OutboxAsync<T>(MetricsFixture fixture, Func<IQueryable<ServiceDefaults.Messaging.OutboxMessage>, Task<T>> query)
    {
        await using var scope = fixture.RequestsHost.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketingDev.Requests.Data.RequestsDbContext>();
        return await query(db.OutboxMessages.AsNoTracking());
    }
}
