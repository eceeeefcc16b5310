using System.Net;
using MarketingDev.Contracts;
using MarketingDev.Requests.Grpc;
using MarketingDev.TestSupport;

namespace MarketingDev.Requests.Tests.Health;

/// <summary>
/// /health tells the truth about the broker, even for a service that only publishes: 503 while RabbitMQ is
/// unreachable, 200 again once it is back; /alive stays 200 throughout, so an orchestrator stops routing to the service
/// without restarting it.
/// </summary>
public sealed class BrokerHealthTests : IAsyncLifetime
{
    private IsolatedResources? _resources;
    private TcpProxy? _broker;
    private ServiceHost<RequestsGrpcService>? _host;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.RequestsDb);
        var settings = _resources.Settings();
        var amqp = new Uri(_resources.Messaging);
        _broker = new TcpProxy(amqp.Host, amqp.Port);
        settings[$"ConnectionStrings:{ServiceNames.Messaging}"] = _broker.Through(_resources.Messaging);
        _host = new ServiceHost<RequestsGrpcService>(settings);
    }

    [Fact]
    public async Task Health_WithTheBrokerGone_Is503_AndAliveStays200_ThenRecovers()
    {
        using var http = _host!.CreateClient();
        await Eventually.ReturnsAsync(async () => (await http.GetAsync("/health")).StatusCode, s => s == HttpStatusCode.OK, "healthy at start");

        _broker!.Cut();

        var down = await Eventually.ReturnsAsync(() => http.GetAsync("/health"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable,
            "/health to report the broker", TimeSpan.FromSeconds(20));
        Assert.Contains("rabbitmq", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);

        _broker.Restore();

        await Eventually.ReturnsAsync(async () => (await http.GetAsync("/health")).StatusCode, s => s == HttpStatusCode.OK,
            "/health to recover once the broker is back", TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await (_host?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_broker?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_resources?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}
