using FluentValidation;
using MarketingDev.Contracts;
using MarketingDev.Gateway.Data;
using MarketingDev.Gateway.Endpoints.Webhooks;
using MarketingDev.ServiceDefaults;
using MassTransit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MarketingDev.Gateway.Webhooks;

internal static class WebhookRegistration
{
    /// <summary>The Gateway's one queue for integration events: every replica consumes from it, so each event is recorded once.</summary>
    public const string QueueName = "gateway-integration-events";

    /// <summary>
    /// Messaging (every integration event into the feed and the deliveries, through the inbox; WebhookDisabled out
    /// through the outbox), the delivery worker, and secrets under Data Protection with its key ring in gatewaydb,
    /// encrypted at rest with the KeyRingCertificate.
    /// </summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .PostConfigure(o => o.PublicBaseUrl ??= builder.Configuration[$"{GatewayOptions.Section}:PublicBaseUrl"])
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.BatchSize > 0 && o.MaxInFlight > 0 && o.DisableAfterFailures > 0,
                "Webhooks: AttemptTimeout, BatchSize, MaxInFlight and DisableAfterFailures must be positive.")
            .ValidateOnStart();
        services.AddDataProtection().SetApplicationName("MarketingDev.Gateway").PersistKeysToDbContext<GatewayDbContext>()
            .ProtectKeysWithCertificate(KeyRingCertificate.LoadOrCreate(builder.Configuration, builder.Environment));
        services.AddSingleton(sp => new TargetPolicy(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowedTargets));
        services.AddSingleton<TargetResolver>();
        services.AddSingleton<IValidator<CreateWebhookBody>, CreateWebhookValidator>();
        services.AddSingleton<IValidator<UpdateWebhookBody>, UpdateWebhookValidator>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<DeliverySignal>();
        services.ConfigureDbContext<GatewayDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<DeliverySignal>()));
        services.AddScoped<EventRecorder>();
        services.AddHostedService<DeliveryWorker>();

        builder.AddMessaging<GatewayDbContext>(ServiceNames.Gateway, bus =>
        {
            foreach (var type in EventCatalog.Types)
            {
                bus.AddConsumer(typeof(IntegrationEventConsumer<>).MakeGenericType(type)).Endpoint(e => e.Name = QueueName);
            }
        });
        return builder;
    }
}
