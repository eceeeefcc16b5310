namespace MarketingDev.Metrics.Domain;

public sealed class GapRow
{
    public Guid GapId { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
