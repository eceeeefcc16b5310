namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// An integration event as the event feed serves it and webhooks deliver it: recorded once (inbox), numbered by a
/// sequence that only grows in commit order (the feed's cursor).
/// </summary>
public sealed class IntegrationEventRecord
{
    public long Sequence { get; init; }
    public Guid EventId { get; init; }
    public required string Type { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string Payload { get; init; }
}
