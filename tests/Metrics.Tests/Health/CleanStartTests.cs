using MarketingDev.Contracts;
using MarketingDev.Metrics.Grpc;
using MarketingDev.TestSupport;

namespace MarketingDev.Metrics.Tests.Health;

/// <summary>
/// A first start of Metrics on an empty database (migrations, broker connection, outbox relay, background services) logs no
/// warning and no error: an operator reads every warning as something to act on, so start-up must not cry wolf.
/// </summary>
public sealed class CleanStartTests
{
    [Fact]
    public async Task FirstStart_OnAnEmptyDatabase_LogsNoWarningOrError()
    {
        await using var resources = await IsolatedResources.CreateAsync(ServiceNames.MetricsDb);
        await using var host = new ServiceHost<MetricsGrpcService>(resources.Settings());

        var warnings = await CleanStart.WarningsUntilHealthyAsync(host);

        Assert.Empty(warnings);
    }
}
