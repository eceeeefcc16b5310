using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MarketingDev.Contracts;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Grpc;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.Gateway.Tests.Hardening;

/// <summary>
/// Requests commits a draft and dies before answering: the client gets 503, and a retry with the same Idempotency-Key
/// gets the draft that was stored, never a second one. (Before, the Gateway released the key on 503 and the retry
/// created a duplicate.)
/// </summary>
public sealed class CrashAfterCommitTests : IAsyncLifetime
{
    private readonly CrashOnce _crash = new();
    private IsolatedResources? _resources;
    private ServiceHost<RequestsGrpcService>? _requests;
    private ServiceHost<GatewayOptions>? _gateway;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb, ServiceNames.RequestsDb);
        var settings = _resources.Settings();
        _requests = new ServiceHost<RequestsGrpcService>(settings, services =>
        {
            services.AddSingleton(_crash);
            services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<CrashOnceInterceptor>());
        });
        var router = new HostRouter(new Dictionary<string, HttpMessageHandler> { [ServiceNames.Requests] = _requests.Server.CreateHandler() });
        settings["Gateway:BootstrapAdminKey"] = GatewayFixture.AdminKey;
        settings[$"services:{ServiceNames.Requests}:grpc:0"] = HostRouter.AddressOf(ServiceNames.Requests);
        _gateway = new ServiceHost<GatewayOptions>(settings, services =>
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => router)));
    }

    [Fact]
    public async Task RetryAfterCrashBetweenCommitAndAnswer_ReturnsTheStoredDraft_NotASecondOne()
    {
        using var client = _gateway!.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", GatewayFixture.AdminKey);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "crash-" + Guid.NewGuid());
        var title = "Crash after commit " + Guid.NewGuid();
        _crash.Armed = true;

        var first = await client.PostAsJsonAsync("/api/v1/requests", new { title });
        var retry = await client.PostAsJsonAsync("/api/v1/requests", new { title });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var stored = await WithRequestsDbAsync(db => db.Requests.Where(r => r.Title == title).Select(r => r.Id).ToListAsync());
        var id = Assert.Single(stored);
        Assert.Equal(id.ToString(), (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task SameKeyFromAnotherClient_IsAnotherDraft()
    {
        using var client = _gateway!.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", GatewayFixture.AdminKey);
        var key = await (await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "other-client", role = "marketing" })).Content.ReadFromJsonAsync<JsonElement>();
        using var other = _gateway.CreateClient();
        other.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());
        var idempotencyKey = "shared-" + Guid.NewGuid();
        var title = "Two clients " + Guid.NewGuid();

        using var firstMessage = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = JsonContent.Create(new { title }) };
        firstMessage.Headers.Add("Idempotency-Key", idempotencyKey);
        using var secondMessage = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = JsonContent.Create(new { title }) };
        secondMessage.Headers.Add("Idempotency-Key", idempotencyKey);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(firstMessage)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.SendAsync(secondMessage)).StatusCode);

        Assert.Equal(2, await WithRequestsDbAsync(db => db.Requests.CountAsync(r => r.Title == title)));
    }

    private async Task<T> WithRequestsDbAsync<T>(Func<RequestsDbContext, Task<T>> query)
    {
        await using var scope = _requests!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RequestsDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await (_gateway?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_requests?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_resources?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    public sealed class CrashOnce
    {
        private int _armed;

        public bool Armed
        {
            get => Volatile.Read(ref _armed) == 1;
            set => Volatile.Write(ref _armed, value ? 1 : 0);
        }
    }

    /// <summary>Lets the handler commit, then loses the answer once, as a process killed at that moment would.</summary>
    public sealed class CrashOnceInterceptor(CrashOnce crash) : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            var response = await continuation(request, context);
            if (crash.Armed && context.Method.EndsWith("/DraftRequest", StringComparison.Ordinal))
            {
                crash.Armed = false;
                throw new RpcException(new Status(StatusCode.Unavailable, "The service died after committing."));
            }

            return response;
        }
    }
}
