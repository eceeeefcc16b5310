using MarketingDev.ServiceDefaults;
using MarketingDev.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MarketingDev.Gateway.Auth;

/// <summary>
/// Installs Gateway__BootstrapAdminKey as an admin key when the key table is empty, so a fresh system can be called
/// at all. Once any key exists the setting is ignored; the secret itself is never logged.
/// </summary>
internal sealed class BootstrapAdminKey(IServiceScopeFactory scopes, IOptions<GatewayOptions> options, TimeProvider clock, ILogger<BootstrapAdminKey> logger)
    : IHostedService
{
    public const string KeyName = "bootstrap-admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var secret = options.Value.BootstrapAdminKey?.Trim();
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        if (secret.Length < 32)
        {
            throw new InvalidOperationException("Gateway__BootstrapAdminKey must be at least 32 characters long.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replicas starting together must not both install it.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7001)", cancellationToken);
        if (await db.ApiKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        var key = ApiKey.FromSecret(secret, KeyName, Role.Admin, "configuration", clock.GetStoredUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Installed the bootstrap admin key {KeyId} from configuration", key.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
