using System.Security.Cryptography;
using System.Xml.Linq;
using MarketingDev.Contracts;
using MarketingDev.Gateway.Data;
using MarketingDev.Gateway.Webhooks;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.Gateway.Tests.Webhooks;

/// <summary>
/// The Data Protection key ring that encrypts webhook secrets is stored in gatewaydb encrypted with the Gateway's
/// certificate, so a database dump alone reveals no key; with the same certificate a restarted Gateway reads what the
/// previous one protected.
/// </summary>
public sealed class KeyRingEncryptionTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("md-keyring-");
    private IsolatedResources _resources = null!;

    public async ValueTask InitializeAsync() => _resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb);

    [Fact]
    public async Task FirstStart_StoresTheKeyRing_EncryptedWithANewCertificate()
    {
        var certificate = Path.Combine(_folder.FullName, "new", "key-ring.pfx");
        await using var gateway = await StartAsync(certificate);

        var keys = await StoredKeysAsync(gateway);

        Assert.True(File.Exists(certificate), "the certificate was created on first start");
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey");
        });
    }

    [Fact]
    public async Task ProtectedSecret_AfterARestartWithTheSameCertificate_IsReadable()
    {
        var certificate = Path.Combine(_folder.FullName, "key-ring.pfx");
        var secret = WebhookSecrets.Generate();
        string stored;
        await using (var first = await StartAsync(certificate))
        {
            stored = first.Services.GetRequiredService<WebhookSecrets>().Protect(secret);
        }

        await using var restarted = await StartAsync(certificate);
        var key = restarted.Services.GetRequiredService<WebhookSecrets>().KeyOf(stored);

        Assert.Equal(Convert.FromBase64String(secret[WebhookSecrets.Prefix.Length..]), key);
    }

    [Fact]
    public async Task ProtectedSecret_WithAnotherCertificate_CannotBeRead()
    {
        string stored;
        await using (var first = await StartAsync(Path.Combine(_folder.FullName, "first.pfx")))
        {
            stored = first.Services.GetRequiredService<WebhookSecrets>().Protect(WebhookSecrets.Generate());
        }

        await using var other = await StartAsync(Path.Combine(_folder.FullName, "other.pfx"));

        Assert.ThrowsAny<CryptographicException>(() => other.Services.GetRequiredService<WebhookSecrets>().KeyOf(stored));
    }

    private async Task<ServiceHost<GatewayOptions>> StartAsync(string certificatePath)
    {
        var settings = _resources.Settings();
        settings[KeyRingCertificate.PathKey] = certificatePath;
        var gateway = new ServiceHost<GatewayOptions>(settings);
        await CleanStart.WaitUntilHealthyAsync(gateway);
        return gateway;
    }

    private static async Task<List<XElement>> StoredKeysAsync(ServiceHost<GatewayOptions> gateway)
    {
        await using var scope = gateway.Services.CreateAsyncScope();
        var xml = await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().DataProtectionKeys
            .Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken);
        return [.. xml.Select(x => XElement.Parse(x!))];
    }

    public async ValueTask DisposeAsync()
    {
        await _resources.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
