using System.Text.Json;
using MarketingDev.Contracts.Events;
using MarketingDev.Gateway.Data;
using MarketingDev.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// Records every integration event once (the inbox around the consumer dedupes redeliveries) for the feed, and in the
/// same transaction one delivery per enabled webhook that subscribes to its type.
/// </summary>
public sealed class EventRecorder(GatewayDbContext db, TimeProvider clock, IOptions<WebhookOptions> options)
{
    /// <summary>Serialises event inserts so the sequence grows in commit order: a feed reader never skips a late commit.</summary>
    private const long FeedLockKey = 0x4D44_4645_4544;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RecordAsync<TEvent>(TEvent integrationEvent, CancellationToken ct) where TEvent : class, IIntegrationEvent
    {
        var type = EventCatalog.NameOf(typeof(TEvent));
        var payload = JsonSerializer.Serialize(integrationEvent, Json);
        var now = clock.GetStoredUtcNow();

        // Disabled webhooks are owed their events too: the worker skips them until an admin enables them again.
        var webhooks = await db.Webhooks.AsNoTracking().ToListAsync(ct);
        foreach (var webhook in webhooks.Where(w => w.Subscribes(type)))
        {
            db.WebhookDeliveries.Add(WebhookDelivery.For(webhook.Id, integrationEvent.EventId, type, integrationEvent.OccurredAt, payload,
                now, options.Value.RetryWindow));
        }

        // The deliveries are written first (in the inbox's transaction) and the feed lock is taken last, so that it is
        // held only for the event's row and the commit: every event of every replica passes through it one at a time.
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FeedLockKey})", ct);
        db.IntegrationEvents.Add(new IntegrationEventRecord
        {
            EventId = integrationEvent.EventId,
            Type = type,
            OccurredAt = integrationEvent.OccurredAt,
            RecordedAt = now,
            Payload = payload,
        });
    }
}

/// <summary>One consumer per integration event type, all on the Gateway's one shared queue (replicas compete on it).</summary>
public sealed class IntegrationEventConsumer<TEvent>(EventRecorder recorder) : IConsumer<TEvent> where TEvent : class, IIntegrationEvent
{
    public Task Consume(ConsumeContext<TEvent> context) => recorder.RecordAsync(context.Message, context.CancellationToken);
}
