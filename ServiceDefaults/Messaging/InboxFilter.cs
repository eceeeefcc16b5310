using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MarketingDev.ServiceDefaults.Messaging;

/// <summary>
/// Runs every consumer inside one database transaction that first records (message id, endpoint) in the inbox.
/// A redelivered message finds its row and is acknowledged without a second effect; two concurrent deliveries of the
/// same message serialise on the inbox key, and the loser sees the winner's row once it commits. Events a consumer
/// publishes go to the outbox in the same transaction.
/// </summary>
public sealed class InboxFilter<T>(ServiceDbContext db, OutboxSignal signal, TimeProvider clock, ILogger<InboxFilter<T>> logger)
    : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id; it cannot be de-duplicated.");
        // The queue name (the input address ends with it, after the virtual host) identifies the consuming endpoint.
        var consumer = context.ReceiveContext.InputAddress?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? typeof(T).Name;

        // The consumer (and what it publishes) joins the trace of the call that caused the event.
        using var activity = MessageTracing.Start($"{typeof(T).Name} consume", ActivityKind.Consumer,
            context.Headers.Get<string>(MessageTracing.TraceParentHeader));
        activity?.SetTag("messaging.consumer", consumer);
        activity?.SetTag("messaging.message.id", messageId.ToString());

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var now = clock.GetUtcNow();
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {now}) ON CONFLICT DO NOTHING",
            context.CancellationToken);
        if (claimed == 0)
        {
            logger.LogInformation("Skipping {MessageType} {MessageId} on {Consumer}: already processed", typeof(T).Name, messageId, consumer);
            // Consumed, not skipped: a message no consumer claims is moved to the endpoint's _skipped queue, where
            // nothing reads it and redeliveries would pile up for ever.
            await context.NotifyConsumed(context, TimeSpan.Zero, "inbox");
            return;
        }

        try
        {
            await next.Send(context);
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }

        signal.Notify();
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");
}
