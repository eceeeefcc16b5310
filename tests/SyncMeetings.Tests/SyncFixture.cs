using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.Contracts;
using MarketingDev.Gateway;
using MarketingDev.Requests.Grpc;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Grpc;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.SyncMeetings.Tests;

/// <summary>
/// The real Gateway in front of the real Requests and SyncMeetings services, each over its own database in one isolated
/// set and one RabbitMQ virtual host, the Gateway reaching them through its real gRPC clients. Keys per role.
/// </summary>
public sealed class SyncFixture : IAsyncLifetime
{
    public const string AdminKey = "mdk_test-bootstrap-admin-key-0123456789abcdef";
    private IsolatedResources? _resources;
    private ServiceHost<RequestsGrpcService>? _requests;
    private ServiceHost<SyncMeetingsGrpcService>? _meetings;
    private ServiceHost<GatewayOptions>? _gateway;

    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Lead { get; private set; } = null!;
    public HttpClient Maria { get; private set; } = null!;
    public HttpClient Dave { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb, ServiceNames.RequestsDb, ServiceNames.MeetingsDb);
        var settings = _resources.Settings();
        _requests = new ServiceHost<RequestsGrpcService>(settings);
        _meetings = new ServiceHost<SyncMeetingsGrpcService>(settings);
        var router = new HostRouter(new Dictionary<string, HttpMessageHandler>
        {
            [ServiceNames.Requests] = _requests.Server.CreateHandler(),
            [ServiceNames.SyncMeetings] = _meetings.Server.CreateHandler(),
        });
        settings["Gateway:BootstrapAdminKey"] = AdminKey;
        settings[$"services:{ServiceNames.Requests}:grpc:0"] = HostRouter.AddressOf(ServiceNames.Requests);
        settings[$"services:{ServiceNames.SyncMeetings}:grpc:0"] = HostRouter.AddressOf(ServiceNames.SyncMeetings);
        _gateway = new ServiceHost<GatewayOptions>(settings, services =>
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => router)));
        _ = _gateway.Server;
        using var health = _meetings.CreateClient();
        await Eventually.ReturnsAsync(async () => (int)(await health.GetAsync("/health")).StatusCode, s => s == 200, "SyncMeetings /health");
        using var requestsHealth = _requests.CreateClient();
        await Eventually.ReturnsAsync(async () => (int)(await requestsHealth.GetAsync("/health")).StatusCode, s => s == 200, "Requests /health");

        Admin = Client(AdminKey);
        Lead = Client(await KeyForAsync("lead", "lena"));
        Maria = Client(await KeyForAsync("marketing", "maria"));
        Dave = Client(await KeyForAsync("developer", "dave"));
    }

    public HttpClient Client(string apiKey)
    {
        var client = _gateway!.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async Task<string> KeyForAsync(string role, string name)
    {
        using var admin = Client(AdminKey);
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name, role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>Reads the service's own database, to prove a refused request stored nothing.</summary>
    public async Task<T> WithMeetingsDbAsync<T>(Func<MeetingsDbContext, Task<T>> query)
    {
        await using var scope = _meetings!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MeetingsDbContext>());
    }

    /// <summary>The events the service stored with its changes (its outbox), newest last, as type name and JSON body.</summary>
    public Task<List<(string Type, JsonElement Body)>> OutboxAsync() => WithMeetingsDbAsync(async db =>
        (await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.MessageType, m.Body }).ToListAsync())
        .Select(m => (m.MessageType.Split('.')[^1], JsonDocument.Parse(m.Body).RootElement.Clone())).ToList());

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Admin, Lead, Maria, Dave })
        {
            client?.Dispose();
        }

        foreach (var host in new IAsyncDisposable?[] { _gateway, _requests, _meetings })
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
