using System.Collections.Concurrent;
using MarketingDev.Contracts;
using MarketingDev.Requests.Grpc;
using MarketingDev.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingDev.Requests.Tests.Health;

/// <summary>
/// A first start on an empty database (migrations, broker connection, outbox relay) logs no warning and no error: an
/// operator reads every warning as something to act on, so start-up must not cry wolf.
/// </summary>
public sealed class CleanStartTests
{
    [Fact]
    public async Task FirstStart_OnAnEmptyDatabase_LogsNoWarningOrError()
    {
        await using var resources = await IsolatedResources.CreateAsync(ServiceNames.RequestsDb);
        var warnings = new WarningCollector();
        await using var host = new ServiceHost<RequestsGrpcService>(resources.Settings(), services => services.AddSingleton<ILoggerProvider>(warnings));

        using var http = host.CreateClient();
        await Eventually.ReturnsAsync(() => http.GetAsync("/health", TestContext.Current.CancellationToken), r => r.IsSuccessStatusCode, "the service to be healthy");

        // A readiness probe that answers "not yet" while the broker connection comes up is the probe doing its job (the
        // health check service logs each such answer as an error); everything else logged at Warning or above is not.
        Assert.DoesNotContain(warnings.Entries, e => !IsNotReadyYet(e));
    }

    private static bool IsNotReadyYet(string entry) =>
        entry.Contains(" Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService: Health check ", StringComparison.Ordinal)
        && (entry.Contains("with status Unhealthy", StringComparison.Ordinal) || entry.Contains("with status Degraded", StringComparison.Ordinal));

    private sealed class WarningCollector : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
