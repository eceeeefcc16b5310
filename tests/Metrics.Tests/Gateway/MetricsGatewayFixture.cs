using System.Net.Http.Json;
using MarketingDev.Contracts;
using MarketingDev.Contracts.Events;
using MarketingDev.Gateway;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Grpc;
using MarketingDev.Requests.Grpc;
using MarketingDev.ServiceDefaults;
using MarketingDev.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.Metrics.Tests.Gateway;

/// <summary>
/// The real Gateway in front of the real Requests and Metrics services (modelled on tests/Gateway.Tests/GatewayFixture):
/// each over its own database in one isolated set, events through the fixture's own RabbitMQ virtual host, the Gateway
/// reaching the services through its real gRPC clients and service discovery. Starts with only the bootstrap admin key.
/// </summary>
public sealed class MetricsGatewayFixture : IAsyncLifetime
{
    public const string AdminKey = "mdk_test-bootstrap-admin-key-0123456789abcdef";
    private IsolatedResources? _resources;
    private ServiceHost<RequestsGrpcService>? _requests;
    private IBusControl? _bus;

    public ServiceHost<MetricsGrpcService> MetricsHost { get; private set; } = null!;
    public ServiceHost<GatewayOptions> Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb, ServiceNames.RequestsDb, ServiceNames.MetricsDb);
        var settings = _resources.Settings();
        _requests = new ServiceHost<RequestsGrpcService>(settings);
        MetricsHost = new ServiceHost<MetricsGrpcService>(settings);
        var router = new HostRouter(new Dictionary<string, HttpMessageHandler>
        {
            [ServiceNames.Requests] = _requests.Server.CreateHandler(),
            [ServiceNames.Metrics] = MetricsHost.Server.CreateHandler(),
        });
        settings["Gateway:BootstrapAdminKey"] = AdminKey;
        settings[$"services:{ServiceNames.Requests}:grpc:0"] = HostRouter.AddressOf(ServiceNames.Requests);
        settings[$"services:{ServiceNames.Metrics}:grpc:0"] = HostRouter.AddressOf(ServiceNames.Metrics);
        Gateway = new ServiceHost<GatewayOptions>(settings, services =>
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => router)));
        _ = Gateway.Server;
        await MetricsFixture.WaitHealthyAsync(MetricsHost);
        await MetricsFixture.WaitHealthyAsync(_requests);
        var broker = BrokerAddress.Parse(settings[$"ConnectionStrings:{ServiceNames.Messaging}"]!);
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
        {
            host.Username(broker.Username);
            host.Password(broker.Password);
        }));
        await _bus.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Publishes an agreed integration event onto the fixture's virtual host, as its producer would.</summary>
    public Task PublishAsync(IIntegrationEvent e) =>
        _bus!.Publish(e, e.GetType(), ctx => ctx.MessageId = e.EventId, TestContext.Current.CancellationToken);

    public HttpClient Client(string? apiKey = AdminKey)
    {
        var client = Gateway.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>Creates a key for a role through the API, as an admin would.</summary>
    public async Task<HttpClient> ClientForAsync(string role)
    {
        using var admin = Client();
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = $"{role}-{Guid.NewGuid():N}", role });
        response.EnsureSuccessStatusCode();
        return Client((await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["key"].ToString());
    }

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

        foreach (var host in new IAsyncDisposable?[] { Gateway, _requests, MetricsHost })
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
