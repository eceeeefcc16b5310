using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using MarketingDev.Contracts;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Data;
using MarketingDev.Gateway.Endpoints.ApiKeys;
using MarketingDev.Gateway.Errors;
using MarketingDev.Gateway.Idempotency;
using MarketingDev.Gateway.OpenApi;
using MarketingDev.Gateway.RateLimiting;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Gateway;

internal static class ServiceRegistration
{
    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddServiceDbContext<GatewayDbContext>(ServiceNames.GatewayDb);
        // Not in OnConfiguring: a pooled DbContext may not change its options there. The history table keeps the names
        // this database was created with (see KeepPascalCaseMigrationsHistory).
        services.ConfigureDbContext<GatewayDbContext>(o => o.UseSnakeCaseNamingConvention().KeepPascalCaseMigrationsHistory());
        services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.Section));
        Http.GatewayLimits.Configure(builder);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        services.AddExceptionHandler<GatewayExceptionHandler>();

        services.AddApiKeyAuthentication(builder.Configuration, builder.Environment);
        services.AddRateLimits(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddSingleton(ServiceTokens.FromConfiguration(builder.Configuration));
        services.AddScoped<IdempotencyStore>();
        services.AddSingleton<IValidator<CreateApiKeyBody>, CreateApiKeyValidator>();
        services.AddHostedService<BootstrapAdminKey>();
        services.AddHostedService<IdempotencyCleanup>();
        Webhooks.WebhookRegistration.AddWebhooks(builder);

        AddServiceClient<GrpcRequests.Requests.RequestsClient>(services, ServiceNames.Requests);
        AddServiceClient<GrpcMetrics.Metrics.MetricsClient>(services, ServiceNames.Metrics);
        AddServiceClient<MarketingDev.Contracts.Grpc.Knowledge.KnowledgeBase.KnowledgeBaseClient>(services, ServiceNames.KnowledgeBase);
        AddServiceClient<MarketingDev.Contracts.Grpc.Meetings.SyncMeetings.SyncMeetingsClient>(services, ServiceNames.SyncMeetings);

        services.AddGatewayOpenApi();
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // A misspelt field is an error the caller wants to hear about, not a value silently dropped.
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
    }

    /// <summary>
    /// A gRPC client that finds its service through service discovery (services__{name}__grpc__0). Calls are not
    /// retried by an HTTP resilience handler: a command retried after a lost reply could apply twice.
    /// </summary>
    internal static void AddServiceClient<TClient>(IServiceCollection services, string serviceName) where TClient : class
    {
        var client = services.AddGrpcClient<TClient>(o => o.Address = ServiceNames.GrpcAddress(serviceName))
            .AddCallCredentials(ActorTokens.AttachAsync)
            .AddInterceptor(sp => new Http.DeadlineInterceptor(
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value.ServiceCallTimeout, sp.GetRequiredService<TimeProvider>()))
            .ConfigureChannel(o =>
            {
                o.MaxReceiveMessageSize = 16 * 1024 * 1024;
                // The service token travels in plain HTTP/2 inside the deployment's network; put TLS (or a mesh) in front
                // of it where that network is shared (README, Deploying).
                o.UnsafeUseInsecureChannelCallCredentials = true;
            });
#pragma warning disable EXTEXP0001 // Experimental, but the only way to opt one client out of the defaults' retries.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>An admin key to install when no key exists yet (Gateway__BootstrapAdminKey). Never logged.</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>How long an idempotency key is remembered.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Largest request body accepted (Gateway__MaxRequestBodyBytes); larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest path plus query string (414 beyond).</summary>
    public int MaxUrlLength { get; set; } = 8 * 1024;

    /// <summary>Most bytes of request headers (431 beyond).</summary>
    public int MaxHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>Deadline of every call to a service (Gateway__ServiceCallTimeout); a service that does not answer in time is a 503.</summary>
    public TimeSpan ServiceCallTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
