using MarketingDev.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MarketingDev.ServiceDefaults;

public static class Extensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>Every service's own meters (MarketingDev.Metrics's headline metrics among them).</summary>
    public const string MarketingDevMeters = "MarketingDev.*";

    /// <summary>OpenTelemetry, health checks, service discovery and resilient HTTP clients, as an Aspire service would have them.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(Messaging.OutboxRelay.MeterName)
                .AddMeter(MarketingDevMeters));
        builder.Services.AddSingleton<PrometheusExposition>();

        // Export only when a collector is configured: no endpoint, no exporter, no failed connections in the logs. Spans
        // are only recorded then too: recording every request's spans for nobody cost about a tenth of the CPU under load
        // (bench/requests.sh). Trace context still propagates between services either way.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(tracing => tracing
                    .AddSource(builder.Environment.ApplicationName)
                    .AddSource("MassTransit")
                    .AddSource(Messaging.MessageTracing.SourceName)
                    .AddAspNetCoreInstrumentation(o =>
                        // Probes would drown the traces that matter.
                        o.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                                              && !context.Request.Path.StartsWithSegments("/alive"))
                    .AddGrpcClientInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// /alive answers while the process runs; /health answers healthy only when its database and broker answer;
    /// /metrics is the Prometheus scrape endpoint.
    /// Mapped in every environment: the probes of the platform team need them everywhere.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // While the bus is still coming up, /health answers 503 "Starting" without running (and logging) the checks.
        if (app.Services.GetService<BusStartup>() is { } startup)
        {
            app.UseWhen(context => context.Request.Path == "/health" && startup.Starting, starting => starting.Run(HealthResponse.WriteStartingAsync));
        }

        // Degraded is not ready either: an orchestrator must route no traffic to a service that cannot reach its broker.
        // /alive stays 200 meanwhile, so nothing restarts a process for a dependency's outage.
        app.MapHealthChecks("/health", new HealthCheckOptions
            {
                ResponseWriter = HealthResponse.WriteAsync,
                ResultStatusCodes =
                {
                    [HealthStatus.Healthy] = StatusCodes.Status200OK,
                    [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                    [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            })
            .DisableHttpMetrics()
            .AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).DisableHttpMetrics().AllowAnonymous();
        // Prometheus text exposition of the OpenTelemetry metrics (runtime, HTTP/gRPC, MassTransit, our meters; see
        // PrometheusExposition); open like the probes, since scrapers carry no API key.
        app.MapPrometheusScrapingEndpoint("/metrics", app.Services.GetRequiredService<PrometheusExposition>().Provider, null, null)
            .DisableHttpMetrics().AllowAnonymous();
        return app;
    }
}
