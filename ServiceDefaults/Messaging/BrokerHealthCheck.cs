using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace MarketingDev.ServiceDefaults.Messaging;

/// <summary>
/// Can this service reach its broker right now? An AMQP connection to the service's virtual host, opened and closed.
/// MassTransit's own bus check only looks at receive endpoints, so a service that only publishes (through the outbox)
/// reported Healthy with RabbitMQ dead; its events then pile up unseen. The answer is kept a few seconds so that
/// frequent probes do not open a connection each.
/// </summary>
internal sealed class BrokerHealthCheck(BrokerAddress broker, TimeProvider clock) : IHealthCheck, IDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && clock.GetUtcNow() - last.At < KeepFor)
            {
                return last.Result;
            }

            var result = await ProbeAsync(cancellationToken);
            _last = (clock.GetUtcNow(), result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            HostName = broker.Host,
            Port = broker.Port,
            VirtualHost = broker.VirtualHost,
            UserName = broker.Username,
            Password = broker.Password,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "health-probe",
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync(ct);
            await connection.CloseAsync(ct);
            return HealthCheckResult.Healthy(broker.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{broker} does not answer: {ex.GetBaseException().Message}");
        }
    }
}
