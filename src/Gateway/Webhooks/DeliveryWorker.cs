using MarketingDev.Contracts.Events.Gateway;
using MarketingDev.Gateway.Data;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// Sends due deliveries. A round claims up to BatchSize due rows with FOR UPDATE SKIP LOCKED and leases them (moves
/// their due time past the attempt timeout plus a margin) in one statement, so replicas never send the same row at once
/// and a Gateway that dies mid-attempt leaves the row to be taken up again after the lease. Then it posts them
/// concurrently and records every attempt, the retry schedule, and a webhook's run of failures, in one transaction.
/// </summary>
public sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    WebhookSecrets secrets,
    DeliverySignal signal,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly WebhookOptions _options = options.Value;
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await RunOnceAsync(stoppingToken);
                if (sent < _options.BatchSize)
                {
                    await signal.Signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(ex);
                await Task.Delay(_options.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round: claim, send, record. Returns how many deliveries it sent.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await PruneIfDueAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var now = clock.GetStoredUtcNow();
        var leaseUntil = now + _options.AttemptTimeout + _options.ClaimMargin;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE webhook_deliveries SET next_attempt_at = {leaseUntil}
            WHERE id IN (
                SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= {now} AND w.enabled
                ORDER BY d.next_attempt_at LIMIT {_options.BatchSize}
                FOR UPDATE OF d SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var webhookIds = deliveries.Select(d => d.WebhookId).Distinct().ToList();
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => webhookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        deliveries = [.. deliveries.Where(d => webhooks.ContainsKey(d.WebhookId))];
        var results = await Task.WhenAll(deliveries.Select(d => SendAsync(d, webhooks[d.WebhookId], ct)));

        // A webhook deleted while this round was sending took its deliveries with it (cascade): record only the rest,
        // so one deletion does not roll back (and resend) the whole batch.
        var stillThere = (await db.Webhooks.AsNoTracking().Where(w => webhookIds.Contains(w.Id)).Select(w => w.Id).ToListAsync(ct)).ToHashSet();
        var sent = deliveries.Zip(results).Where(p => stillThere.Contains(p.First.WebhookId)).ToList();
        foreach (var (gone, _) in deliveries.Zip(results).Where(p => !stillThere.Contains(p.First.WebhookId)))
        {
            db.Entry(gone).State = EntityState.Detached;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var finished = new List<(Guid WebhookId, bool Delivered)>();
        foreach (var (delivery, result) in sent)
        {
            if (Record(db, delivery, result) is { } delivered)
            {
                finished.Add((delivery.WebhookId, delivered));
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var (webhookId, delivered) in finished)
        {
            await CountAsync(db, webhooks[webhookId], delivered, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return deliveries.Count;
    }

    private async Task<AttemptResult> SendAsync(WebhookDelivery delivery, Webhook webhook, CancellationToken ct)
    {
        string body;
        var keys = new List<byte[]>();
        try
        {
            var now = clock.GetUtcNow();
            keys.Add(secrets.KeyOf(webhook.ProtectedSecret));
            if (webhook.ProtectedPreviousSecret is { } previous && webhook.PreviousSecretExpiresAt > now)
            {
                keys.Add(secrets.KeyOf(previous));
            }

            body = WebhookPayloads.Render(webhook.Format, delivery.EventType, delivery.OccurredAt, delivery.Payload, _options.PublicBaseUrl);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // A secret that no longer decrypts or a payload that does not render fails this delivery's attempt (it is
            // retried until its window ends), not the round: the other deliveries of the batch are recorded as sent.
            return new AttemptResult(null, 0, null, $"Not sent: {ex.GetType().Name}.", false, null);
        }

        return await sender.SendAsync(webhook.Url, delivery.EventId.ToString(), body, keys, ct);
    }

    /// <summary>Stores the attempt and the delivery's next state; returns whether it finished delivered (true), failed (false), or neither.</summary>
    private bool? Record(GatewayDbContext db, WebhookDelivery delivery, AttemptResult result)
    {
        var now = clock.GetStoredUtcNow();
        delivery.AttemptCount++;
        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            DeliveryId = delivery.Id,
            Number = delivery.AttemptCount,
            AttemptedAt = now,
            StatusCode = result.StatusCode,
            LatencyMs = result.LatencyMs,
            ResponseSnippet = result.Snippet,
            Error = result.Error,
        });
        delivery.LastError = result.Error ?? (result.StatusCode is { } code and not (>= 200 and < 300) ? $"HTTP {code}" : null);
        switch (WebhookRules.Judge(result.StatusCode, result.Refused))
        {
            case AttemptOutcome.Delivered:
                delivery.Status = DeliveryStatus.Succeeded;
                delivery.CompletedAt = now;
                return true;
            case AttemptOutcome.Retry when WebhookRules.NextAttempt(delivery.AttemptCount, now, delivery.GiveUpAt, _options.FirstRetryDelay,
                _options.MaxRetryDelay, Random.Shared.NextDouble(), result.RetryAfter) is { } next:
                delivery.NextAttemptAt = next;
                return null;
            default:
                delivery.Status = DeliveryStatus.Failed;
                delivery.CompletedAt = now;
                return false;
        }
    }

    /// <summary>
    /// A delivered event resets the webhook's run of failures; a failed one extends it, and the failure that reaches
    /// the threshold disables the webhook and publishes WebhookDisabled (only the replica whose update flips it does).
    /// </summary>
    private async Task CountAsync(GatewayDbContext db, Webhook webhook, bool delivered, CancellationToken ct)
    {
        if (delivered)
        {
            await db.Database.ExecuteSqlAsync($"UPDATE webhooks SET consecutive_failures = 0 WHERE id = {webhook.Id} AND consecutive_failures <> 0", ct);
            return;
        }

        var threshold = _options.DisableAfterFailures;
        var reason = $"The last {threshold} events could not be delivered.";
        var flipped = await db.Database.SqlQuery<int>($"""
            UPDATE webhooks SET consecutive_failures = consecutive_failures + 1,
                enabled = CASE WHEN consecutive_failures + 1 >= {threshold} THEN false ELSE enabled END,
                disabled_reason = CASE WHEN enabled AND consecutive_failures + 1 >= {threshold} THEN {reason} ELSE disabled_reason END
            WHERE id = {webhook.Id}
            RETURNING CASE WHEN disabled_reason = {reason} AND NOT enabled AND consecutive_failures = {threshold} THEN 1 ELSE 0 END AS "Value"
            """).ToListAsync(ct);
        if (flipped is [1])
        {
            var now = clock.GetStoredUtcNow();
            db.Publish(new WebhookDisabled(Guid.CreateVersion7(now), now, webhook.Id, threshold, reason));
            LogDisabled(webhook.Id, threshold);
        }
    }

    /// <summary>
    /// Feed retention: events older than the retention (never under 30 days) go, and with them finished deliveries of
    /// that age. Pending deliveries are kept whatever their age. Runs at most hourly per replica.
    /// </summary>
    private async Task PruneIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPrune)
        {
            return;
        }

        _nextPrune = now + TimeSpan.FromHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var cutoff = now - _options.EffectiveFeedRetention;
        await db.IntegrationEvents.Where(e => e.RecordedAt < cutoff).ExecuteDeleteAsync(ct);
        await db.WebhookDeliveries.Where(d => d.Status != DeliveryStatus.Pending && d.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A webhook delivery round failed; retrying after the poll interval")]
    private partial void LogRoundFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} disabled after {Failures} failed events in a row")]
    private partial void LogDisabled(Guid webhookId, int failures);
}
