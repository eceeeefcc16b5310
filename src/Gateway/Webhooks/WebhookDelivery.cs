using MarketingDev.ServiceDefaults.Messaging;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// One event owed to one webhook, stored in the transaction that recorded the event (so a restart loses none). The
/// body is rendered from the stored payload at each attempt; the event id is the webhook-id on every attempt.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }

    /// <summary>Insertion order, for stable cursor paging of a webhook's deliveries.</summary>
    public long Sequence { get; init; }

    public Guid WebhookId { get; init; }
    public Guid EventId { get; init; }
    public required string EventType { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Payload { get; init; }
    public string Status { get; set; } = DeliveryStatus.Pending;
    public int AttemptCount { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Retries stop after this instant (created + the configured retry window).</summary>
    public DateTimeOffset GiveUpAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }
    public Guid? ReplayOf { get; init; }

    /// <summary>
    /// The W3C traceparent of what caused the delivery (the consumer of the event, or the REST call of a ping or
    /// replay): every attempt's send span is its child and the POST carries it on, so one trace reaches the receiver.
    /// </summary>
    public string? TraceParent { get; init; }

    public List<DeliveryAttempt> Attempts { get; init; } = [];

    public static WebhookDelivery For(Guid webhookId, Guid eventId, string eventType, DateTimeOffset occurredAt, string payload,
        DateTimeOffset now, TimeSpan retryWindow, Guid? replayOf = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        WebhookId = webhookId,
        EventId = eventId,
        EventType = eventType,
        OccurredAt = occurredAt,
        Payload = payload,
        NextAttemptAt = now,
        CreatedAt = now,
        GiveUpAt = now + retryWindow,
        ReplayOf = replayOf,
        TraceParent = MessageTracing.CurrentTraceParent(),
    };
}

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>One HTTP attempt of a delivery, kept for the deliveries view.</summary>
public sealed class DeliveryAttempt
{
    public const int MaxSnippetChars = 1024;

    public long Id { get; init; }
    public Guid DeliveryId { get; init; }
    public int Number { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }
    public int? StatusCode { get; init; }
    public int LatencyMs { get; init; }
    public string? ResponseSnippet { get; init; }
    public string? Error { get; init; }
}
