using System.Reflection;
using MassTransit;
using RabbitMQ.Client.Exceptions;

namespace MarketingDev.ServiceDefaults.Messaging;

/// <summary>
/// How fast a service finds RabbitMQ again after it restarts. MassTransit 8's RabbitMQ host restarts its receive
/// endpoints (and so its connection) on a schedule fixed in its constructor: exponential from 3 s up to 30 s apart. After
/// an outage of half a minute the next attempt could be up to 30 s away, which is what issue 10 measured (the Metrics
/// consumer took ~28 s to come back). The policy has no setter, so this replaces it during configuration, before the
/// bus starts, with the same exceptions on a 1 s to 2 s schedule. A MassTransit whose internals differ is left as it is
/// and <see cref="TryApply"/> says so (the service logs a warning; BrokerReconnectionTests fails).
/// </summary>
public static class BrokerReconnection
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(2);

    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>The receive transport's retry policy: what MassTransit retries (a lost or refused connection), sooner.</summary>
    public static readonly IRetryPolicy Policy = Retry.CreatePolicy(x =>
    {
        x.Handle<ConnectionException>();
        // MassTransit's RabbitMQ-internal exception for a publish the broker dropped while going away.
        x.Handle<Exception>(exception => exception.GetType().Name == "MessageNotConfirmedException"
            && (exception.Message.Contains("CONNECTION_FORCED", StringComparison.Ordinal)
                || exception.Message.Contains("End of stream", StringComparison.Ordinal)
                || exception.Message.Contains("Unexpected Exception", StringComparison.Ordinal)));
        // Wrong credentials do not get better by retrying quickly.
        x.Ignore<AuthenticationFailureException>();
        // As many attempts as MassTransit's own policy makes in its ~8 hours, 2 s apart.
        x.Exponential(15_000, MinInterval, MaxInterval, TimeSpan.FromMilliseconds(500));
    });

    /// <summary>Puts <see cref="Policy"/> on the configurator's RabbitMQ host; false when MassTransit's internals differ.</summary>
    public static bool TryApply(IRabbitMqBusFactoryConfigurator configurator)
    {
        var (host, field) = FindPolicyField(configurator);
        if (host is null || field is null)
        {
            return false;
        }

        field.SetValue(host, Policy);
        return true;
    }

    /// <summary>The policy the configurator's host will restart its endpoints with, for tests.</summary>
    public static IRetryPolicy? Current(IRabbitMqBusFactoryConfigurator configurator)
    {
        var (host, field) = FindPolicyField(configurator);
        return field?.GetValue(host) as IRetryPolicy;
    }

    private static (object? Host, FieldInfo? Field) FindPolicyField(IRabbitMqBusFactoryConfigurator configurator)
    {
        var host = configurator.GetType().GetFields(Instance)
            .Select(f => f.GetValue(configurator))
            .FirstOrDefault(v => v is not null && v.GetType().Name == "RabbitMqHostConfiguration");
        var field = host?.GetType().GetField("<ReceiveTransportRetryPolicy>k__BackingField", Instance);
        return field?.FieldType == typeof(IRetryPolicy) ? (host, field) : (null, null);
    }
}
