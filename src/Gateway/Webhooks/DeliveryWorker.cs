using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using MarketingDev.Contracts.Events.Gateway;
using MarketingDev.Gateway.Data;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// Sends due deliveries as a pipeline of three stages, so that no delivery waits for another one's answer or record:
/// <list type="bullet">
/// <item>claim: one statement takes up to BatchSize due rows with FOR UPDATE SKIP LOCKED and leases them (moves their
/// due time past the attempt timeout plus a margin), so replicas never send the same row at once and a Gateway that dies
/// mid-attempt leaves the row to be taken up again after the lease. It claims again at once while rows are due and
/// fewer than MaxInFlight are held, and otherwise when a commit in this process signals new work (or at the poll);</item>
/// <item>send: every claimed delivery is posted on its own, as soon as it is claimed;</item>
/// <item>record: finished attempts are recorded together, whatever round claimed them, with set-based statements in one
/// transaction: the webhooks' runs of failures first (locking those rows in id order), then every delivery's next state
/// and its attempt row in one statement.</item>
/// </list>
/// A Gateway that stops (a deploy, a scale-in) finishes cleanly: it waits for its sends to end (cut off by the stopping
/// token), records the attempts that were answered, and gives the cut-off deliveries back at once instead of leaving
/// them leased, so another replica (or this one restarted) sends them within a poll, and what was answered is not sent
/// again (unless recording it outlasts the grace: delivery stays at least once).
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
    private const string SendActivityName = "webhook send";

    /// <summary>
    /// After the first finished attempt, the recorder waits this long for more: the receivers already have their
    /// deliveries, so recording a little later costs no latency, while fewer, larger statements leave more of the
    /// machine to sending (at 1,000 deliveries/s about 100 rows per transaction instead of about 30).
    /// </summary>
    private static readonly TimeSpan RecordLinger = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a stopping worker may take to record what was answered and give back what was cut off.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);
    private readonly WebhookOptions _options = options.Value;
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    /// <summary>Deliveries claimed and not yet recorded (or given back to the lease).</summary>
    private int _inFlight;

    /// <summary>The sends under way, by delivery, so a stopping worker can wait for them to end.</summary>
    private readonly ConcurrentDictionary<Guid, Task> _sends = new();

    /// <summary>Deliveries whose send the stopping token cut off, with the lease they hold.</summary>
    private readonly ConcurrentQueue<WebhookDelivery> _cutOff = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var finished = Channel.CreateUnbounded<Attempt>(new UnboundedChannelOptions { SingleReader = true });
        // Recording outlives the stopping token by the grace, so answers that arrived are recorded rather than sent again.
        using var drain = new CancellationTokenSource();
        using var stopping = stoppingToken.Register(() => drain.CancelAfter(ShutdownGrace));
        var recording = Task.Run(() => RecordLoopAsync(finished.Reader, stoppingToken, drain.Token), CancellationToken.None);
        try
        {
            await ClaimLoopAsync(finished.Writer, stoppingToken);
        }
        finally
        {
            // Every send watches the stopping token: they end promptly, answered (to be recorded) or cut off.
            await Task.WhenAll(_sends.Values);
            finished.Writer.TryComplete();
            await recording;
            await GiveBackAsync(drain.Token);
        }
    }

    private async Task ClaimLoopAsync(ChannelWriter<Attempt> finished, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await PruneIfDueAsync(ct);
                var room = Math.Min(_options.BatchSize, _options.MaxInFlight - Volatile.Read(ref _inFlight));
                var claimed = room > 0 ? await ClaimAsync(room, ct) : [];
                foreach (var (delivery, webhook) in claimed)
                {
                    Interlocked.Increment(ref _inFlight);
                    var send = SendAsync(delivery, webhook, finished, ct);
                    if (_sends.TryAdd(delivery.Id, send) && send.IsCompleted)
                    {
                        _sends.TryRemove(delivery.Id, out _);
                    }
                }

                if (room > 0 && claimed.Count == room)
                {
                    continue;
                }

                // Woken by a commit here: a recorded event, a replay, a ping, or a recorded attempt (room again).
                await signal.Signal.WaitAsync(_options.PollInterval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(ex);
                await Task.Delay(_options.PollInterval, clock, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Claims and leases up to <paramref name="limit"/> due deliveries of enabled webhooks, with their webhooks.</summary>
    private async Task<List<(WebhookDelivery Delivery, Webhook Webhook)>> ClaimAsync(int limit, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var now = clock.GetStoredUtcNow();
        var leaseUntil = now + _options.AttemptTimeout + _options.ClaimMargin;
        var deliveries = await db.WebhookDeliveries.FromSql($"""
            UPDATE webhook_deliveries SET next_attempt_at = {leaseUntil}
            WHERE id IN (
                SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= {now} AND w.enabled
                ORDER BY d.next_attempt_at LIMIT {limit}
                FOR UPDATE OF d SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
        if (deliveries.Count == 0)
        {
            return [];
        }

        var webhookIds = deliveries.Select(d => d.WebhookId).Distinct().ToList();
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => webhookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        // A webhook deleted since the claim took its deliveries with it (cascade): nothing to send.
        return [.. deliveries.Where(d => webhooks.ContainsKey(d.WebhookId)).OrderBy(d => d.NextAttemptAt).Select(d => (d, webhooks[d.WebhookId]))];
    }

    /// <summary>One attempt, in a span that continues the trace of what caused the delivery; its result goes to the recorder.</summary>
    private async Task SendAsync(WebhookDelivery delivery, Webhook webhook, ChannelWriter<Attempt> finished, CancellationToken ct)
    {
        var startedAt = clock.GetStoredUtcNow();
        try
        {
            AttemptResult result;
            using (var activity = MessageTracing.Start(SendActivityName, ActivityKind.Client, delivery.TraceParent))
            {
                activity?.SetTag("webhook.id", webhook.Id.ToString());
                activity?.SetTag("webhook.delivery.id", delivery.Id.ToString());
                activity?.SetTag("webhook.event.id", delivery.EventId.ToString());
                activity?.SetTag("webhook.event.type", delivery.EventType);
                result = await AttemptAsync(delivery, webhook, activity, ct);
                activity?.SetTag("http.response.status_code", result.StatusCode);
                if (result.Error is not null || result.StatusCode is not (>= 200 and < 300))
                {
                    activity?.SetStatus(ActivityStatusCode.Error, result.Error ?? $"HTTP {result.StatusCode}");
                }
            }

            if (!finished.TryWrite(new Attempt(delivery, startedAt, result)))
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // A bug in an attempt is still a failed attempt: recorded, so the delivery backs off and ends with its retry
            // window instead of coming back with every lease, unrecorded, forever.
            LogRoundFailed(ex);
            if (!finished.TryWrite(new Attempt(delivery, startedAt, new AttemptResult(null, 0, null, $"Not sent: {ex.GetType().Name}.", false, null))))
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
        catch (Exception)
        {
            // Shutting down (cancelled, or a send cut off by it): not an attempt to record; the row is given back on the way out.
            Interlocked.Decrement(ref _inFlight);
            _cutOff.Enqueue(delivery);
        }
        finally
        {
            _sends.TryRemove(delivery.Id, out _);
        }
    }

    /// <summary>
    /// Ends the lease of the deliveries whose send was cut off by shutting down, so they are due now. Only a lease this
    /// worker still holds is ended (the row's due time is still the one its claim set). Should this fail, the lease ends
    /// on its own.
    /// </summary>
    private async Task GiveBackAsync(CancellationToken ct)
    {
        var cutOff = new List<WebhookDelivery>();
        while (_cutOff.TryDequeue(out var delivery))
        {
            cutOff.Add(delivery);
        }

        if (cutOff.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            var given = await db.Database.ExecuteSqlRawAsync("""
                UPDATE webhook_deliveries d SET next_attempt_at = @now
                FROM unnest(@ids, @leases) AS r(id, leased_until)
                WHERE d.id = r.id AND d.status = 'pending' AND d.next_attempt_at = r.leased_until
                """,
                [
                    new NpgsqlParameter<DateTimeOffset>("now", clock.GetStoredUtcNow()),
                    ArrayOf("ids", NpgsqlDbType.Uuid, cutOff.Select(d => d.Id)),
                    ArrayOf("leases", NpgsqlDbType.TimestampTz, cutOff.Select(d => d.NextAttemptAt)),
                ],
                ct);
            LogGivenBack(given);
        }
        catch (Exception ex)
        {
            LogGiveBackFailed(ex, cutOff.Count);
        }
    }

    private async Task<AttemptResult> AttemptAsync(WebhookDelivery delivery, Webhook webhook, Activity? activity, CancellationToken ct)
    {
        string body;
        var keys = new List<byte[]>(2);
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
            // retried until its window ends), nothing else.
            return new AttemptResult(null, 0, null, $"Not sent: {ex.GetType().Name}.", false, null);
        }

        var traceParent = activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;
        return await sender.SendAsync(webhook.Url, delivery.EventId.ToString(), body, keys, traceParent, ct);
    }

    /// <summary>
    /// Records finished attempts until the claim loop has stopped and every send has ended (the channel completes), or
    /// the shutdown grace runs out (<paramref name="drain"/>).
    /// </summary>
    private async Task RecordLoopAsync(ChannelReader<Attempt> finished, CancellationToken stopping, CancellationToken drain)
    {
        var batch = new List<Attempt>();
        var ct = drain;
        try
        {
            while (await finished.WaitToReadAsync(ct))
            {
                if (!stopping.IsCancellationRequested)
                {
                    await Task.Delay(RecordLinger, clock, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                while (batch.Count < _options.MaxInFlight && finished.TryRead(out var attempt))
                {
                    batch.Add(attempt);
                }

                try
                {
                    await RecordAsync(batch, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // Not recorded: these deliveries stay leased and are sent again when the lease ends (at least once).
                    LogRecordFailed(ex, batch.Count);
                }
                finally
                {
                    Interlocked.Add(ref _inFlight, -batch.Count);
                    batch.Clear();
                    signal.Signal.Notify();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The shutdown grace ran out: what is not recorded is sent again after its lease.
        }
    }

    /// <summary>
    /// Records a batch of attempts in one transaction: the webhooks' runs of failures (a delivered event resets it, an
    /// event that failed for good extends it, and the failure that reaches the threshold disables the webhook and
    /// publishes WebhookDisabled — only in the transaction whose update flips it), then each delivery's next state with
    /// its attempt row. A delivery whose webhook was deleted meanwhile is gone (cascade) and simply not matched.
    /// </summary>
    internal async Task RecordAsync(IReadOnlyList<Attempt> attempts, CancellationToken ct)
    {
        var now = clock.GetStoredUtcNow();
        var states = attempts.Select(a => Judge(a, now)).ToList();
        var runs = new Dictionary<Guid, (bool Reset, int Failures)>();
        foreach (var (attempt, state) in attempts.Zip(states))
        {
            if (state.Finished is { } delivered)
            {
                var run = runs.GetValueOrDefault(attempt.Delivery.WebhookId);
                runs[attempt.Delivery.WebhookId] = delivered ? (true, 0) : (run.Reset, run.Failures + 1);
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (runs.Count > 0)
        {
            await CountAsync(db, runs, ct);
        }

        await db.Database.ExecuteSqlRawAsync("""
            WITH r AS (
                SELECT * FROM unnest(@ids, @statuses, @next, @completed, @last_errors, @attempted, @codes, @latencies, @snippets, @errors)
                    AS r(id, status, next_attempt_at, completed_at, last_error, attempted_at, status_code, latency_ms, response_snippet, error)),
            u AS (
                UPDATE webhook_deliveries d SET attempt_count = d.attempt_count + 1, status = r.status,
                    next_attempt_at = coalesce(r.next_attempt_at, d.next_attempt_at), completed_at = r.completed_at, last_error = r.last_error
                FROM r WHERE d.id = r.id
                RETURNING d.id, d.attempt_count)
            INSERT INTO webhook_delivery_attempts (delivery_id, number, attempted_at, status_code, latency_ms, response_snippet, error)
            SELECT u.id, u.attempt_count, r.attempted_at, r.status_code, r.latency_ms, r.response_snippet, r.error
            FROM u JOIN r ON r.id = u.id
            """,
            [
                ArrayOf("ids", NpgsqlDbType.Uuid, attempts.Select(a => a.Delivery.Id)),
                ArrayOf("statuses", NpgsqlDbType.Text, states.Select(s => s.Status)),
                ArrayOf("next", NpgsqlDbType.TimestampTz, states.Select(s => s.NextAttemptAt)),
                ArrayOf("completed", NpgsqlDbType.TimestampTz, states.Select(s => s.CompletedAt)),
                ArrayOf("last_errors", NpgsqlDbType.Text, states.Select(s => s.LastError)),
                ArrayOf("attempted", NpgsqlDbType.TimestampTz, attempts.Select(a => a.StartedAt)),
                ArrayOf("codes", NpgsqlDbType.Integer, attempts.Select(a => a.Result.StatusCode)),
                ArrayOf("latencies", NpgsqlDbType.Integer, attempts.Select(a => a.Result.LatencyMs)),
                ArrayOf("snippets", NpgsqlDbType.Text, attempts.Select(a => a.Result.Snippet)),
                ArrayOf("errors", NpgsqlDbType.Text, attempts.Select(a => a.Result.Error)),
            ],
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The next state of an attempted delivery; Finished is true when delivered, false when failed for good, null when retried.</summary>
    private DeliveryState Judge(Attempt attempt, DateTimeOffset now)
    {
        var result = attempt.Result;
        var number = attempt.Delivery.AttemptCount + 1;
        var lastError = result.Error ?? (result.StatusCode is { } code and not (>= 200 and < 300) ? $"HTTP {code}" : null);
        return WebhookRules.Judge(result.StatusCode, result.Refused) switch
        {
            AttemptOutcome.Delivered => new DeliveryState(DeliveryStatus.Succeeded, null, now, lastError, true),
            AttemptOutcome.Retry when WebhookRules.NextAttempt(number, now, attempt.Delivery.GiveUpAt, _options.FirstRetryDelay,
                _options.MaxRetryDelay, Random.Shared.NextDouble(), result.RetryAfter) is { } next =>
                new DeliveryState(DeliveryStatus.Pending, next, null, lastError, null),
            _ => new DeliveryState(DeliveryStatus.Failed, null, now, lastError, false),
        };
    }

    /// <summary>Applies each webhook's run of this batch (reset by a delivered event, then so many failures) in one statement.</summary>
    private async Task CountAsync(GatewayDbContext db, Dictionary<Guid, (bool Reset, int Failures)> runs, CancellationToken ct)
    {
        var threshold = _options.DisableAfterFailures;
        var reason = $"The last {threshold} events could not be delivered.";
        var flipped = await db.Database.SqlQueryRaw<Guid>("""
            WITH c AS (SELECT * FROM unnest(@webhooks, @resets, @failures) AS c(id, reset, failures)),
            old AS (
                SELECT w.id, w.enabled, w.consecutive_failures FROM webhooks w
                WHERE w.id IN (SELECT id FROM c) ORDER BY w.id FOR NO KEY UPDATE),
            n AS (
                SELECT old.id, old.enabled,
                    CASE WHEN c.reset THEN c.failures ELSE old.consecutive_failures + c.failures END AS failures
                FROM old JOIN c ON c.id = old.id),
            u AS (
                UPDATE webhooks w SET consecutive_failures = n.failures,
                    enabled = w.enabled AND n.failures < @threshold,
                    disabled_reason = CASE WHEN w.enabled AND n.failures >= @threshold THEN @reason ELSE w.disabled_reason END
                FROM n WHERE w.id = n.id AND w.consecutive_failures <> n.failures
                RETURNING w.id, n.enabled AND n.failures >= @threshold AS flipped)
            SELECT id AS "Value" FROM u WHERE flipped
            """,
            [
                ArrayOf("webhooks", NpgsqlDbType.Uuid, runs.Keys),
                ArrayOf("resets", NpgsqlDbType.Boolean, runs.Values.Select(r => r.Reset)),
                ArrayOf("failures", NpgsqlDbType.Integer, runs.Values.Select(r => r.Failures)),
                new NpgsqlParameter<int>("threshold", threshold),
                new NpgsqlParameter<string>("reason", reason),
            ]).ToListAsync(ct);
        foreach (var webhookId in flipped)
        {
            var now = clock.GetStoredUtcNow();
            db.Publish(new WebhookDisabled(Guid.CreateVersion7(now), now, webhookId, threshold, reason));
            LogDisabled(webhookId, threshold);
        }
    }

    private static NpgsqlParameter ArrayOf<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

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

    /// <summary>A sent attempt waiting to be recorded: the delivery as claimed, when the attempt started, and how it went.</summary>
    internal sealed record Attempt(WebhookDelivery Delivery, DateTimeOffset StartedAt, AttemptResult Result);

    private sealed record DeliveryState(string Status, DateTimeOffset? NextAttemptAt, DateTimeOffset? CompletedAt, string? LastError, bool? Finished);

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming webhook deliveries failed; retrying after the poll interval")]
    private partial void LogRoundFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Count} webhook attempts failed; those deliveries are sent again after their lease")]
    private partial void LogRecordFailed(Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: gave back {Count} webhook deliveries whose send was cut off")]
    private partial void LogGivenBack(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: could not give back {Count} cut-off webhook deliveries; they are sent again after their lease")]
    private partial void LogGiveBackFailed(Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} disabled after {Failures} failed events in a row")]
    private partial void LogDisabled(Guid webhookId, int failures);
}
