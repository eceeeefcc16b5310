using MarketingDev.Contracts;
using MarketingDev.Contracts.Events;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Grpc;
using MarketingDev.Requests.Grpc;
using MarketingDev.ServiceDefaults;
using MarketingDev.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Metrics.Tests;

/// <summary>
/// The Metrics service on its own databases and virtual host, with a MassTransit test bus on that virtual host that
/// publishes the agreed integration events onto the real RabbitMQ (as the other services will), and optionally the real
/// Requests service beside it.
/// </summary>
public sealed class MetricsFixture : IAsyncLifetime
{
    private readonly string? _messaging;
    private readonly bool _withRequests;
    private IsolatedResources? _resources;
    private IBusControl? _bus;

    public string VirtualHost => _resources!.VirtualHost;

    public MetricsFixture() : this(null)
    {
    }

    /// <param name="messaging">Another broker than the shared one (the outage test brings its own).</param>
    /// <param name="withRequests">Also run the real Requests service.</param>
    public MetricsFixture(string? messaging, bool withRequests = false)
    {
        _messaging = messaging;
        _withRequests = withRequests || messaging is not null;
    }
    public ServiceHost<MetricsGrpcService> MetricsHost { get; private set; } = null!;
    public ServiceHost<RequestsGrpcService> RequestsHost { get; private set; } = null!;
    public GrpcMetrics.Metrics.MetricsClient Metrics { get; private set; } = null!;
    public GrpcRequests.Requests.RequestsClient Requests { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.MetricsDb, ServiceNames.RequestsDb);
        var settings = _resources.Settings();
        if (_messaging is not null)
        {
            settings[$"ConnectionStrings:{ServiceNames.Messaging}"] = _messaging;
        }

        MetricsHost = new ServiceHost<MetricsGrpcService>(settings);
        Metrics = new GrpcMetrics.Metrics.MetricsClient(MetricsHost.CreateGrpcChannel());
        await WaitHealthyAsync(MetricsHost);
        if (_withRequests)
        {
            RequestsHost = new ServiceHost<RequestsGrpcService>(settings);
            Requests = new GrpcRequests.Requests.RequestsClient(RequestsHost.CreateGrpcChannel());
            await WaitHealthyAsync(RequestsHost);
        }

        var broker = BrokerAddress.Parse(settings[$"ConnectionStrings:{ServiceNames.Messaging}"]!);
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
        {
            host.Username(broker.Username);
            host.Password(broker.Password);
        }));
        await _bus.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Until /health is 200 the consumers' queues may not be bound yet, and an event published now would be lost to them.</summary>
    public static async Task WaitHealthyAsync<T>(ServiceHost<T> host) where T : class
    {
        using var http = host.CreateClient();
        await Eventually.ReturnsAsync(async () => (int)(await http.GetAsync("/health")).StatusCode, s => s == 200, $"{typeof(T).Name} /health", TimeSpan.FromSeconds(60));
    }

    /// <summary>Publishes an event as a producer's outbox relay does (message id = event id, unless a redelivery test says otherwise).</summary>
    public Task PublishAsync(IIntegrationEvent e, Guid? messageId = null) =>
        _bus!.Publish(e, e.GetType(), ctx => ctx.MessageId = messageId ?? e.EventId, TestContext.Current.CancellationToken);

    public Task<int> StoredEventsAsync() => WithMetricsDbAsync(db => db.StoredEvents.CountAsync());

    public async Task<T> WithMetricsDbAsync<T>(Func<MetricsDbContext, Task<T>> query)
    {
        await using var scope = MetricsHost.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MetricsDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync(CancellationToken.None);
        }

        foreach (var host in new IAsyncDisposable?[] { MetricsHost, RequestsHost })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (_resources is not null)
        {
            await _resources.DisposeAsync();
        }
    }
}
