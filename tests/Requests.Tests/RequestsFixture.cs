using MarketingDev.Contracts;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Grpc;
using MarketingDev.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Tests;

/// <summary>The Requests service over its own database and virtual host, called through its real gRPC pipeline.</summary>
public sealed class RequestsFixture : IAsyncLifetime
{
    private IsolatedResources? _resources;
    private ServiceHost<RequestsGrpcService>? _host;

    public Proto.Requests.RequestsClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.RequestsDb);
        _host = new ServiceHost<RequestsGrpcService>(_resources.Settings());
        Client = new Proto.Requests.RequestsClient(_host.CreateGrpcChannel());
    }

    public async Task<T> WithDbAsync<T>(Func<RequestsDbContext, Task<T>> query)
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RequestsDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_resources is not null)
        {
            await _resources.DisposeAsync();
        }
    }
}
