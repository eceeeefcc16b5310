namespace MarketingDev.Metrics.Domain;

public sealed class RoadblockRow
{
    public Guid RoadblockId { get; set; }
    public Guid RequestId { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
