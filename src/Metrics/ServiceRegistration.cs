using MarketingDev.Contracts;
using MarketingDev.Metrics.Consumers;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Features.Summary;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Metrics;

internal static class ServiceRegistration
{
    public static IHostApplicationBuilder AddMetricsServices(this IHostApplicationBuilder builder)
    {
        builder.AddCallerAuthentication();
        builder.AddServiceDbContext<MetricsDbContext>(ServiceNames.MetricsDb);
        builder.AddMessaging<MetricsDbContext>(ServiceNames.Metrics, bus =>
        {
            bus.AddConsumer<RequestDraftedConsumer>();
            bus.AddConsumer<ArticlePublishedConsumer>();
            bus.AddConsumer<RequestSubmittedConsumer>();
            bus.AddConsumer<RequestStatusChangedConsumer>();
            bus.AddConsumer<RequestDeliveredConsumer>();
            bus.AddConsumer<ClarificationRequestedConsumer>();
            bus.AddConsumer<RoadblockRaisedConsumer>();
            bus.AddConsumer<BugReportedConsumer>();
        });
        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainExceptionInterceptor>());
        builder.Services.AddScoped<GetSummaryHandler>();
        return builder;
    }
}
