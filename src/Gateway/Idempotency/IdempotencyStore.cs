using MarketingDev.ServiceDefaults;
using MarketingDev.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MarketingDev.Gateway.Idempotency;

/// <summary>Claims, completes and replays idempotency records; a claim is a row insert, so concurrent retries race on the key.</summary>
internal sealed class IdempotencyStore(GatewayDbContext db, TimeProvider clock, IOptions<GatewayOptions> options)
{
    /// <summary>A claim older than this with no response is taken to be from a process that died mid-request.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    /// <summary>Returns null when this call now owns the key, else the record someone else made.</summary>
    public async Task<IdempotencyRecord?> TryClaimAsync(Guid clientId, string key, string fingerprint, CancellationToken ct)
    {
        var now = clock.GetStoredUtcNow();
        var abandoned = now - AbandonedAfter;
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_records WHERE client_id = {clientId} AND key = {key} AND (expires_at < {now} OR (NOT completed AND created_at < {abandoned}))",
            ct);
        var expires = now + options.Value.IdempotencyRetention;
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO idempotency_records (client_id, key, fingerprint, completed, status_code, created_at, expires_at)
            VALUES ({clientId}, {key}, {fingerprint}, false, 0, {now}, {expires})
            ON CONFLICT (client_id, key) DO NOTHING
            """,
            ct);
        if (claimed == 1)
        {
            return null;
        }

        return await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == key, ct)
            // Deleted between our insert and read (expired that very moment): the caller may simply try again.
            ?? throw new InvalidOperationException("The idempotency record vanished while it was read.");
    }

    public Task CompleteAsync(Guid clientId, string key, HttpResponse response, byte[] body, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.ClientId == clientId && r.Key == key).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Completed, true)
            .SetProperty(r => r.StatusCode, response.StatusCode)
            .SetProperty(r => r.ContentType, response.ContentType)
            .SetProperty(r => r.Location, response.Headers.Location.ToString())
            .SetProperty(r => r.ETag, response.Headers.ETag.ToString())
            .SetProperty(r => r.Body, body), ct);

    /// <summary>A failure that may be temporary (5xx, an exception) releases the key so the retry runs for real.</summary>
    public Task ReleaseAsync(Guid clientId, string key) =>
        db.IdempotencyRecords.Where(r => r.ClientId == clientId && r.Key == key && !r.Completed).ExecuteDeleteAsync(CancellationToken.None);
}

/// <summary>Forgets expired keys every ten minutes.</summary>
internal sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
                var now = clock.GetStoredUtcNow();
                var deleted = await db.IdempotencyRecords.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(stoppingToken);
                logger.LogDebug("Forgot {Count} expired idempotency keys", deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not delete expired idempotency keys; will try again");
            }
        }
    }
}
