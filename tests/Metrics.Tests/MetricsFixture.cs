using MarketingDev.Contracts;
using MarketingDev.KnowledgeBase.Grpc;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Grpc;
using MarketingDev.Requests.Grpc;
using MarketingDev.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using GrpcKnowledge = MarketingDev.Contracts.Grpc.Knowledge;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Metrics.Tests;

/// <summary>
/// Metrics with the two services whose events it counts (Requests, KnowledgeBase), all on one isolated set of databases
/// and one virtual host, so events really travel through RabbitMQ between them.
/// </summary>
public sealed class MetricsFixture : IAsyncLifetime
{
    private IsolatedResources? _resources;

    public string VirtualHost => _resources!.VirtualHost;
    private readonly string? _messaging;

    public MetricsFixture() : this(null)
    {
    }

    /// <param name="messaging">Another broker than the shared one (the outage test brings its own).</param>
    public MetricsFixture(string? messaging) => _messaging = messaging;

    public ServiceHost<MetricsGrpcService> MetricsHost { get; private set; } = null!;
    public ServiceHost<RequestsGrpcService> RequestsHost { get; private set; } = null!;
    public ServiceHost<KnowledgeBaseGrpcService> KnowledgeHost { get; private set; } = null!;
    public GrpcMetrics.Metrics.MetricsClient Metrics { get; private set; } = null!;
    public GrpcRequests.Requests.RequestsClient Requests { get; private set; } = null!;
    public GrpcKnowledge.KnowledgeBase.KnowledgeBaseClient Knowledge { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.MetricsDb, ServiceNames.RequestsDb, ServiceNames.KnowledgeDb);
        var settings = _resources.Settings();
        if (_messaging is not null)
        {
            settings[$"ConnectionStrings:{ServiceNames.Messaging}"] = _messaging;
        }

        MetricsHost = new ServiceHost<MetricsGrpcService>(settings);
        RequestsHost = new ServiceHost<RequestsGrpcService>(settings);
        KnowledgeHost = new ServiceHost<KnowledgeBaseGrpcService>(settings);
        Metrics = new GrpcMetrics.Metrics.MetricsClient(MetricsHost.CreateGrpcChannel());
        Requests = new GrpcRequests.Requests.RequestsClient(RequestsHost.CreateGrpcChannel());
        Knowledge = new GrpcKnowledge.KnowledgeBase.KnowledgeBaseClient(KnowledgeHost.CreateGrpcChannel());
        await WaitHealthyAsync(MetricsHost);
        await WaitHealthyAsync(RequestsHost);
        await WaitHealthyAsync(KnowledgeHost);
    }

    /// <summary>Until /health is 200 the consumers' queues may not be bound yet, and an event published now would be lost to them.</summary>
    public static async Task WaitHealthyAsync<T>(ServiceHost<T> host) where T : class
    {
        using var http = host.CreateClient();
        await Eventually.ReturnsAsync(async () => (int)(await http.GetAsync("/health")).StatusCode, s => s == 200, $"{typeof(T).Name} /health");
    }

    public async Task<T> WithMetricsDbAsync<T>(Func<MetricsDbContext, Task<T>> query)
    {
        await using var scope = MetricsHost.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MetricsDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { MetricsHost, RequestsHost, KnowledgeHost })
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
