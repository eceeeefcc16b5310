using MarketingDev.Contracts;
using MarketingDev.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MarketingDev.ServiceDefaults;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (ConnectionStrings__messaging, an amqp:// URI) with the outbox relay for what this
    /// service publishes and the inbox filter around every consumer. Queues are prefixed with the service name so two
    /// services that consume the same event each get their own copy.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDb>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? addConsumers = null) where TDb : ServiceDbContext
    {
        var broker = BrokerAddress.Parse(builder.Configuration.GetConnectionString(ServiceNames.Messaging)
            ?? throw new InvalidOperationException(
                $"No broker connection string. Set ConnectionStrings__{ServiceNames.Messaging} to an amqp:// URI " +
                "(the AppHost does this for you: dotnet run --project AppHost)."));
        builder.Services.AddSingleton(broker);
        builder.Services.AddSingleton<BrokerHealthCheck>();
        builder.Services.AddSingleton<BusStartup>();
        builder.Services.AddBusObserver(services => services.GetRequiredService<BusStartup>());
        builder.Services.AddHealthChecks().AddCheck<BrokerHealthCheck>("rabbitmq", tags: [Extensions.ReadyTag]);
        builder.Services.TryAddTimeProvider();

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its vendor over the internet by default; a service here talks to its broker only.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            addConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
                endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                if (!BrokerReconnection.TryApply(rabbit))
                {
                    context.GetService<ILoggerFactory>()?.CreateLogger(typeof(BrokerReconnection)).LogWarning(
                        "Could not shorten the RabbitMQ reconnect interval (MassTransit's host configuration has changed); " +
                        "reconnecting on MassTransit's default schedule, up to 30 s apart");
                }

                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = false);
        builder.Services.AddHostedService<OutboxRelay<TDb>>();
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}

/// <summary>The broker named by an amqp:// URI (user, password, host, port, virtual host).</summary>
public sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static BrokerAddress Parse(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("amqp" or "amqps" or "rabbitmq"))
        {
            throw new InvalidOperationException($"ConnectionStrings__{ServiceNames.Messaging} must be an amqp:// URI, e.g. amqp://guest:guest@127.0.0.1:5672/.");
        }

        var user = parsed.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        return new BrokerAddress(
            parsed.Host,
            (ushort)(parsed.IsDefaultPort || parsed.Port <= 0 ? 5672 : parsed.Port),
            vhost.Length == 0 ? "/" : vhost,
            user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest",
            user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest");
    }

    /// <summary>Where, without the password: safe to log.</summary>
    public override string ToString() => $"RabbitMQ at {Host}:{Port} (virtual host '{VirtualHost}', user '{Username}')";
}
