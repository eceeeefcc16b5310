using System.Net.Http.Headers;
using System.Net.Http.Json;
using MarketingDev.Contracts;
using MarketingDev.Gateway.Auth;
using MarketingDev.KnowledgeBase.Grpc;
using MarketingDev.Metrics.Grpc;
using MarketingDev.Requests.Grpc;
using MarketingDev.SyncMeetings.Grpc;
using MarketingDev.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.Gateway.Tests.Access;

/// <summary>
/// The Gateway in front of all four real services (each over its own database, one RabbitMQ virtual host), with
/// people's sign-in by the development signing key. Rate limits are high here unless a subclass lowers them.
/// </summary>
public class AccessFixture : IAsyncLifetime
{
    public const string AdminKey = "mdk_test-bootstrap-admin-key-access-0123456789";
    public const string SigningKey = "access-tests-development-signing-key-0123456789";
    public static readonly string[] RoleNames = ["marketing", "developer", "lead", "admin"];

    private readonly List<IAsyncDisposable> _hosts = [];
    private IsolatedResources? _resources;
    private readonly Dictionary<string, string> _keys = [];

    public ServiceHost<GatewayOptions> Gateway { get; private set; } = null!;

    /// <summary>Settings a subclass adds or overrides (rate limits, sign-in).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() =>
        RoleNames.Append("anonymous").Select(role => new KeyValuePair<string, string?>($"Gateway:RateLimits:{role}:TokenLimit", "100000"));

    /// <summary>Services a subclass adds to the Gateway host (tracing with an in-memory exporter).</summary>
    protected virtual void ConfigureGateway(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(
            ServiceNames.GatewayDb, ServiceNames.RequestsDb, ServiceNames.MeetingsDb, ServiceNames.KnowledgeDb, ServiceNames.MetricsDb);
        var settings = _resources.Settings();
        var requests = Add(new ServiceHost<RequestsGrpcService>(settings));
        var meetings = Add(new ServiceHost<SyncMeetingsGrpcService>(settings));
        var knowledge = Add(new ServiceHost<KnowledgeBaseGrpcService>(settings));
        var metrics = Add(new ServiceHost<MetricsGrpcService>(settings));
        var router = new HostRouter(new Dictionary<string, HttpMessageHandler>
        {
            [ServiceNames.Requests] = requests.Server.CreateHandler(),
            [ServiceNames.SyncMeetings] = meetings.Server.CreateHandler(),
            [ServiceNames.KnowledgeBase] = knowledge.Server.CreateHandler(),
            [ServiceNames.Metrics] = metrics.Server.CreateHandler(),
        });
        settings["Gateway:BootstrapAdminKey"] = AdminKey;
        settings["Gateway:Jwt:DevelopmentSigningKey"] = SigningKey;
        foreach (var service in new[] { ServiceNames.Requests, ServiceNames.SyncMeetings, ServiceNames.KnowledgeBase, ServiceNames.Metrics })
        {
            settings[$"services:{service}:grpc:0"] = HostRouter.AddressOf(service);
        }

        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }

        Gateway = Add(new ServiceHost<GatewayOptions>(settings, services =>
        {
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => router));
            ConfigureGateway(services);
        }));
        _ = Gateway.Server;
        foreach (var host in new HttpClient[] { requests.CreateClient(), meetings.CreateClient(), knowledge.CreateClient(), metrics.CreateClient() })
        {
            using (host)
            {
                await Eventually.ReturnsAsync(async () => (int)(await host.GetAsync("/health")).StatusCode, s => s == 200, "service /health");
            }
        }
    }

    private T Add<T>(T host) where T : IAsyncDisposable
    {
        _hosts.Add(host);
        return host;
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => Gateway.CreateClient();

    public HttpClient WithKey(string key)
    {
        var client = Gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public HttpClient WithToken(string token)
    {
        var client = Gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A development token as `mint-token` makes it (issuer, audience, key of this fixture).</summary>
    public static string Token(string role, string subject, string? name = null, TimeSpan? lifetime = null, DateTimeOffset? now = null) =>
        DevelopmentTokens.Mint(new JwtSignInOptions { DevelopmentSigningKey = SigningKey }, subject, name ?? subject, role,
            now ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromMinutes(10));

    /// <summary>One API key per role, created through the API by the admin (cached for the fixture).</summary>
    public async Task<string> KeyForAsync(string role)
    {
        if (role == "admin")
        {
            return AdminKey;
        }

        if (_keys.TryGetValue(role, out var known))
        {
            return known;
        }

        using var admin = WithKey(AdminKey);
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = $"{role}-access-tests", role });
        response.EnsureSuccessStatusCode();
        var key = (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["key"].ToString()!;
        _keys[role] = key;
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].DisposeAsync();
        }

        if (_resources is not null)
        {
            await _resources.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
