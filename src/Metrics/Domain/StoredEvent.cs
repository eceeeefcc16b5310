namespace MarketingDev.Metrics.Domain;

/// <summary>An integration event as received: stored once (unique EventId), the source every projection is folded from.</summary>
public sealed class StoredEvent
{
    public long Sequence { get; set; }
    public Guid EventId { get; set; }
    public string Type { get; set; } = "";
    public string StreamKind { get; set; } = "";
    public Guid StreamId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset StoredAt { get; set; }
    public string Body { get; set; } = "";
}
