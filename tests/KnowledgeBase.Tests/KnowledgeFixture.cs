using System.Net.Http.Json;
using MarketingDev.Contracts;
using MarketingDev.Gateway;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Grpc;
using MarketingDev.Requests.Grpc;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Proto = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.KnowledgeBase.Tests;

/// <summary>
/// The Gateway in front of the real KnowledgeBase and Requests services, each over its own database in one isolated
/// set with its own RabbitMQ virtual host, the Gateway reaching them through its real gRPC clients. Shared by the tests
/// of one class; each test works on data of its own (unique words), never on another test's.
/// </summary>
public sealed class KnowledgeFixture : IAsyncLifetime
{
    public const string AdminKey = "mdk_test-bootstrap-admin-key-0123456789abcdef";
    private IsolatedResources? _resources;
    private ServiceHost<RequestsGrpcService>? _requests;

    public ServiceHost<KnowledgeBaseGrpcService> Knowledge { get; private set; } = null!;
    public ServiceHost<GatewayOptions> Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb, ServiceNames.RequestsDb, ServiceNames.KnowledgeDb);
        var settings = _resources.Settings();
        _requests = new ServiceHost<RequestsGrpcService>(settings);
        Knowledge = new ServiceHost<KnowledgeBaseGrpcService>(new Dictionary<string, string?>(settings)
        {
            ["KnowledgeBase:SearchCountInterval"] = "00:00:00.500",
        });
        var router = new HostRouter(new Dictionary<string, HttpMessageHandler>
        {
            [ServiceNames.Requests] = _requests.Server.CreateHandler(),
            [ServiceNames.KnowledgeBase] = Knowledge.Server.CreateHandler(),
        });
        settings["Gateway:BootstrapAdminKey"] = AdminKey;
        settings[$"services:{ServiceNames.Requests}:grpc:0"] = HostRouter.AddressOf(ServiceNames.Requests);
        settings[$"services:{ServiceNames.KnowledgeBase}:grpc:0"] = HostRouter.AddressOf(ServiceNames.KnowledgeBase);
        Gateway = new ServiceHost<GatewayOptions>(settings, services =>
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => router)));
        _ = Gateway.Server;
        using var knowledgeHttp = Knowledge.CreateClient();
        await Eventually.ReturnsAsync(async () => (int)(await knowledgeHttp.GetAsync("/health")).StatusCode, s => s == 200, "KnowledgeBase /health");
    }

    public HttpClient Client(string? apiKey = AdminKey)
    {
        var client = Gateway.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>A client whose key has the role, created through the API as an admin would.</summary>
    public async Task<HttpClient> ClientForAsync(string role, string? name = null)
    {
        using var admin = Client();
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = name ?? $"{role}-{Guid.NewGuid():N}", role });
        response.EnsureSuccessStatusCode();
        return Client((await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["key"].ToString()!);
    }

    /// <summary>The KnowledgeBase service's gRPC API, called as the actor (an admin unless given).</summary>
    public Proto.KnowledgeBase.KnowledgeBaseClient Grpc(Actor? actor = null) => new(Knowledge.CreateGrpcChannel(actor));

    public async Task<T> WithDbAsync<T>(Func<KnowledgeDbContext, Task<T>> query)
    {
        await using var scope = Knowledge.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { Gateway, Knowledge, _requests })
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

/// <summary>Words no other test uses, so a test's articles, searches and gaps are its own in a shared database.</summary>
internal static class Unique
{
    public static string Word(string prefix = "zq") =>
        prefix + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).Select(c => (char)('a' + ((c - 'a' + 5) % 26))).ToArray()) + "x";
}
