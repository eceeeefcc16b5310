using MarketingDev.Contracts;
using MarketingDev.KnowledgeBase.Grpc;
using MarketingDev.TestSupport;

namespace MarketingDev.KnowledgeBase.Tests.Health;

/// <summary>
/// A first start of KnowledgeBase on an empty database (migrations, broker connection, outbox relay, background services) logs no
/// warning and no error: an operator reads every warning as something to act on, so start-up must not cry wolf.
/// </summary>
public sealed class CleanStartTests
{
    [Fact]
    public async Task FirstStart_OnAnEmptyDatabase_LogsNoWarningOrError()
    {
        await using var resources = await IsolatedResources.CreateAsync(ServiceNames.KnowledgeDb);
        await using var host = new ServiceHost<KnowledgeBaseGrpcService>(resources.Settings());

        var warnings = await CleanStart.WarningsUntilHealthyAsync(host);

        Assert.Empty(warnings);
    }
}
