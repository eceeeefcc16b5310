using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MarketingDev.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ and marks them dispatched. Rows are claimed with
/// FOR UPDATE SKIP LOCKED so replicas share the work; a failed publish leaves the row for the next attempt (with
/// back-off), and a crash between publish and mark re-publishes with the same message id, which the consumers' inbox
/// ignores. Delivery is therefore at least once from here and exactly once in effect.
/// </summary>
public sealed class OutboxRelay<TDb>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxRelay<TDb>> logger) : BackgroundService where TDb : ServiceDbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a wake-up, wait this long for more commits: under load one relay transaction then carries many events
    /// (a relay transaction per event cost ~30% of create throughput in bench/requests.sh). Only when the last batch
    /// carried more than one event, i.e. commits came faster than the relay published them: at a steady trickle
    /// (bench/metrics.sh writes 50/s) it only delayed every event.
    /// </summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int dispatched;
                while ((dispatched = await DispatchBatchAsync(stoppingToken)) == BatchSize)
                {
                }

                if (failures > 0)
                {
                    logger.LogInformation("Outbox relay is publishing again after {Failures} failed attempts", failures);
                }

                failures = 0;
                await CleanupAsync(stoppingToken);
                await signal.WaitAsync(PollInterval, stoppingToken);
                if (dispatched > 1)
                {
                    await Task.Delay(Linger, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                // Log the first failure of an outage fully and then only now and then: the broker may be down for a while.
                if (failures == 1 || failures % 30 == 0)
                {
                    logger.LogWarning(ex, "Outbox relay could not publish (attempt {Failures}); events stay stored and will be retried", failures);
                }

                // At most a second apart: a broker that is back is used within a second (a failed attempt costs one query).
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures, 6))));
                await Task.Delay(delay, clock, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE dispatched_at IS NULL ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            await Task.WhenAll(batch.Select(message => PublishAsync(message, timeout.Token)));
        }
        catch (Exception ex)
        {
            // Record the attempt on what is still pending, outside the rolled-back claim, then let the loop back off.
            await transaction.RollbackAsync(CancellationToken.None);
            var ids = batch.Select(m => m.Id).ToList();
            var error = ex.GetBaseException().Message;
            error = error.Length > 2000 ? error[..2000] : error;
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            throw;
        }

        var now = clock.GetUtcNow();
        foreach (var message in batch)
        {
            message.DispatchedAt = now;
            message.Attempts++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Dispatched.Add(batch.Count);
        return batch.Count;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken ct)
    {
        var (payload, type) = message.Deserialize();
        // A child of the call that stored the event; async, so the activity does not leak into the next message's publish.
        using var activity = MessageTracing.Start($"{message.MessageType} publish", ActivityKind.Producer, message.TraceParent);
        var traceParent = MessageTracing.CurrentTraceParent() ?? message.TraceParent;
        await bus.Publish(payload, type, context =>
        {
            context.MessageId = message.MessageId;
            if (traceParent is not null)
            {
                context.Headers.Set(MessageTracing.TraceParentHeader, traceParent);
            }
        }, ct);
    }

    private async Task CleanupAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now.AddMinutes(10);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var cutoff = now - Retention;
        await db.OutboxMessages.Where(m => m.DispatchedAt != null && m.DispatchedAt < cutoff).ExecuteDeleteAsync(ct);
        await db.InboxMessages.Where(m => m.ProcessedAt < now - TimeSpan.FromDays(7)).ExecuteDeleteAsync(ct);
    }

    private static readonly Counter<long> Dispatched =
        new Meter(OutboxRelay.MeterName).CreateCounter<long>("marketingdev.outbox.dispatched", description: "Events published from the outbox");
}

public static class OutboxRelay
{
    public const string MeterName = "MarketingDev.Outbox";
}
