using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.Contracts;
using MarketingDev.Gateway.Data;
using MarketingDev.Gateway.Webhooks;
using MarketingDev.Requests.Grpc;
using MarketingDev.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.Gateway.Tests.Webhooks;

/// <summary>
/// The Gateway in front of the real Requests service (its events travel through the real RabbitMQ to the Gateway's
/// consumer), a local receiver on 127.0.0.1 allow-listed for webhooks, and retry delays of milliseconds so the
/// schedule runs in test time. The Gateway can be restarted on the same database.
/// </summary>
public class WebhooksFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> _overrides;

    public WebhooksFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A fixture whose Gateway takes these settings over the defaults above (longer leases, say).</summary>
    protected WebhooksFixture(IReadOnlyDictionary<string, string?> overrides) => _overrides = overrides;

    private IsolatedResources? _resources;
    private ServiceHost<RequestsGrpcService>? _requests;
    private Dictionary<string, string?> _settings = [];
    private HostRouter? _router;

    public ServiceHost<GatewayOptions> Gateway { get; private set; } = null!;

    /// <summary>What the Gateway stopped by the last restart logged, for a failure message.</summary>
    public LogRecorder? PreviousLogs { get; private set; }
    public WebhookReceiver Receiver { get; private set; } = null!;

    /// <summary>Host names the Gateway resolves to scripted addresses: each call takes the next answer (the last one repeats).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<IPAddress>> Names { get; } = new();

    /// <summary>Every address the Gateway's webhook client dialled.</summary>
    public ConcurrentQueue<IPAddress> Dialled { get; } = new();

    public const int DisableAfterFailures = 3;

    public async ValueTask InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        _resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb, ServiceNames.RequestsDb);
        _settings = _resources.Settings();
        _requests = new ServiceHost<RequestsGrpcService>(_settings);
        _router = new HostRouter(new Dictionary<string, HttpMessageHandler> { [ServiceNames.Requests] = _requests.Server.CreateHandler() });
        _settings["Gateway:BootstrapAdminKey"] = GatewayFixture.AdminKey;
        _settings["Gateway:PublicBaseUrl"] = "https://marketingdev.example";
        _settings[$"services:{ServiceNames.Requests}:grpc:0"] = HostRouter.AddressOf(ServiceNames.Requests);
        _settings["Webhooks:AllowedTargets:0"] = "127.0.0.1";
        _settings["Webhooks:FirstRetryDelay"] = "00:00:00.200";
        _settings["Webhooks:MaxRetryDelay"] = "00:00:02";
        _settings["Webhooks:AttemptTimeout"] = "00:00:02";
        _settings["Webhooks:ClaimMargin"] = "00:00:01";
        _settings["Webhooks:PollInterval"] = "00:00:00.100";
        _settings["Webhooks:DisableAfterFailures"] = DisableAfterFailures.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in _overrides)
        {
            _settings[key] = value;
        }

        await StartGatewayAsync();
    }

    /// <summary>Services a subclass adds to the Gateway host (tracing with an in-memory exporter).</summary>
    protected virtual void ConfigureGateway(IServiceCollection services)
    {
    }

    /// <summary>Stops the Gateway (its in-flight attempts are cut off) and starts a new one on the same database and queue.</summary>
    public async Task RestartGatewayAsync()
    {
        PreviousLogs = Gateway.Logs;
        await Gateway.DisposeAsync();
        await StartGatewayAsync();
    }

    private async Task StartGatewayAsync()
    {
        Gateway = new ServiceHost<GatewayOptions>(_settings, services =>
        {
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => _router!));
            services.AddSingleton<TargetResolver>(new ScriptedResolver(Names));
            ConfigureGateway(services);
        });
        _ = Gateway.Server;
        Gateway.Services.GetRequiredService<WebhookSender>().Dialling += (_, address) => Dialled.Enqueue(address);
        using var http = Gateway.CreateClient();
        await Eventually.ReturnsAsync(async () => (int)(await http.GetAsync("/health")).StatusCode, s => s == 200, "Gateway /health");
    }

    public HttpClient Client(string? apiKey = GatewayFixture.AdminKey)
    {
        var client = Gateway.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>Registers a webhook through the API; returns its id and its secret.</summary>
    public async Task<(Guid Id, string Secret)> CreateWebhookAsync(string url, string[] events, string format = "json")
    {
        using var admin = Client();
        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, events, format });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var root = JsonDocument.Parse(body).RootElement;
        return (root.GetProperty("webhook").GetProperty("id").GetGuid(), root.GetProperty("secret").GetString()!);
    }

    /// <summary>Drafts a request through the Gateway (the Requests service publishes RequestDrafted); returns its id.</summary>
    public async Task<Guid> DraftRequestAsync(string title = "Spring landing page")
    {
        using var admin = Client();
        var response = await admin.PostAsJsonAsync("/api/v1/requests", new { title });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> DeliveriesAsync(Guid webhookId)
    {
        using var admin = Client();
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{webhookId}/deliveries?limit=100");
    }

    public async Task<T> WithGatewayDbAsync<T>(Func<GatewayDbContext, Task<T>> query)
    {
        await using var scope = Gateway.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<GatewayDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { Gateway, _requests, Receiver })
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

        GC.SuppressFinalize(this);
    }

    /// <summary>Answers scripted names from memory (no hosts file, no DNS), and everything else as the Gateway would.</summary>
    private sealed class ScriptedResolver(ConcurrentDictionary<string, ConcurrentQueue<IPAddress>> names) : TargetResolver
    {
        public override Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
        {
            if (!names.TryGetValue(host, out var answers))
            {
                return base.ResolveAsync(host, ct);
            }

            var answer = answers.Count > 1 && answers.TryDequeue(out var next) ? next : answers.TryPeek(out var last) ? last : IPAddress.None;
            return Task.FromResult(new[] { answer });
        }
    }
}
