using MarketingDev.Contracts;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Features;
using MarketingDev.Metrics.Features.Admin;
using MarketingDev.Metrics.Features.Demo;
using MarketingDev.Metrics.Features.Reading;
using MarketingDev.Metrics.Features.Recording;
using MarketingDev.Metrics.Observability;
using MarketingDev.Metrics.Projections;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics;

internal static class ServiceRegistration
{
    public static IHostApplicationBuilder AddMetricsServices(this IHostApplicationBuilder builder)
    {
        builder.AddCallerAuthentication();
        builder.AddServiceDbContext<MetricsDbContext>(ServiceNames.MetricsDb);
        // Not in OnConfiguring: the context is pooled, and a pooled context may not change its options there.
        builder.Services.ConfigureDbContext<MetricsDbContext>(o => o.UseSnakeCaseNamingConvention());
        // One consumer (and queue) per consumed event: every IConsumer in Consumers/ (EventCatalog lists the events).
        builder.AddMessaging<MetricsDbContext>(ServiceNames.Metrics, bus => bus.AddConsumers(typeof(EventStore).Assembly));
        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainExceptionInterceptor>());

        builder.Services.AddScoped<EventStore>();
        builder.Services.AddSingleton<HeadlineMetrics>();
        builder.Services.AddSingleton<MetricInputsLoader>();
        builder.Services.AddHostedService<HeadlineRefresher>();
        builder.Services.AddSingleton<GetSummaryValidator>();
        builder.Services.AddSingleton<GetTimeseriesValidator>();
        builder.Services.AddSingleton<GetScorecardValidator>();
        builder.Services.AddSingleton<SetBaselineValidator>();
        builder.Services.AddSingleton<RecordSurveyResponseValidator>();
        builder.Services.AddSingleton<RecordOutcomeValidator>();
        builder.Services.AddScoped<GetSummaryHandler>();
        builder.Services.AddScoped<GetTimeseriesHandler>();
        builder.Services.AddScoped<GetScorecardHandler>();
        builder.Services.AddScoped<SetBaselineHandler>();
        builder.Services.AddScoped<RebuildHandler>();
        builder.Services.AddScoped<RecordSurveyResponseHandler>();
        builder.Services.AddScoped<RecordOutcomeHandler>();
        builder.Services.AddScoped<SeedDemoHandler>();
        return builder;
    }
}
