using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MarketingDev.ServiceDefaults;

/// <summary>Start-up wait for the service's database and broker, ending in a message that says what is missing and where.</summary>
internal static class Dependencies
{
    public static async Task WaitForAsync(IServiceProvider services, TimeSpan timeout, ILogger logger, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        if (services.GetService<DatabaseTarget>() is { } database)
        {
            await RetryUntilAsync(deadline, database.Describe(), logger, async token =>
            {
                await using var connection = new NpgsqlConnection(WithoutDatabase(database.ConnectionString));
                await connection.OpenAsync(token);
            }, ct);
        }

        if (services.GetService<BrokerAddress>() is { } broker)
        {
            await RetryUntilAsync(deadline, broker.ToString(), logger, async token =>
            {
                using var client = new TcpClient();
                await client.ConnectAsync(broker.Host, broker.Port, token);
            }, ct);
        }
    }

    // The service's own database may not exist yet: migrations create it. Reaching the server is what counts here.
    private static string WithoutDatabase(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Timeout = 5, Pooling = false }.ConnectionString;

    private static async Task RetryUntilAsync(DateTimeOffset deadline, string what, ILogger logger, Func<CancellationToken, Task> probe, CancellationToken ct)
    {
        Exception? last = null;
        var attempt = 0;
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                attemptTimeout.CancelAfter(TimeSpan.FromSeconds(5));
                await probe(attemptTimeout.Token);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                last = ex;
                if (attempt++ == 0)
                {
                    logger.LogWarning("Waiting for {Dependency}: {Error}", what, ex.Message);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }

        throw new DependencyUnavailableException(
            $"{what} is unreachable: {last?.Message}. Start it, or point the service at another with its connection string.");
    }
}

internal sealed class DependencyUnavailableException(string message) : Exception(message);
