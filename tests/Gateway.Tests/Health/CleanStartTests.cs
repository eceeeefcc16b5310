using MarketingDev.Contracts;
using MarketingDev.Gateway.Webhooks;
using MarketingDev.TestSupport;

namespace MarketingDev.Gateway.Tests.Health;

/// <summary>
/// A first start of the Gateway on an empty database (migrations, bootstrap admin key, the Data Protection key ring and
/// its certificate, broker connection) logs no warning and no error: an operator reads every warning as something to
/// act on, so start-up must not cry wolf.
/// </summary>
public sealed class CleanStartTests
{
    [Fact]
    public async Task FirstStart_OnAnEmptyDatabase_LogsNoWarningOrError()
    {
        await using var resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb);
        var folder = Directory.CreateTempSubdirectory("md-gateway-");
        try
        {
            var settings = resources.Settings();
            settings["Gateway:BootstrapAdminKey"] = GatewayFixture.AdminKey;
            settings[KeyRingCertificate.PathKey] = Path.Combine(folder.FullName, "data", "key-ring.pfx");
            await using var gateway = new ServiceHost<GatewayOptions>(settings);

            var warnings = await CleanStart.WarningsUntilHealthyAsync(gateway);

            Assert.Empty(warnings);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
