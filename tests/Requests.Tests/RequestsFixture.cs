using MarketingDev.Contracts;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Grpc;
using MarketingDev.ServiceDefaults.Identity;
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

    /// <summary>A client whose calls carry a service token for this actor.</summary>
    public Proto.Requests.RequestsClient ClientAs(Actor actor) => new(_host!.CreateGrpcChannel(actor));

    /// <summary>A client that sends no service token.</summary>
    public Proto.Requests.RequestsClient AnonymousClient() => new(_host!.CreateAnonymousGrpcChannel());

    /// <summary>A client whose token is signed with a key the service does not know.</summary>
    public Proto.Requests.RequestsClient ForgedClient(Actor actor) =>
        new(global::Grpc.Net.Client.GrpcChannel.ForAddress(_host!.Server.BaseAddress, new global::Grpc.Net.Client.GrpcChannelOptions
        {
            HttpHandler = _host.Server.CreateHandler(),
            UnsafeUseInsecureChannelCallCredentials = true,
            Credentials = global::Grpc.Core.ChannelCredentials.Create(global::Grpc.Core.ChannelCredentials.Insecure, global::Grpc.Core.CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", "Bearer " + new ServiceTokens(["a-key-nobody-configured-0123456789abcdef"]).Sign(actor, DateTimeOffset.UtcNow));
                return Task.CompletedTask;
            })),
        }));

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
