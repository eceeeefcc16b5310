namespace MarketingDev.Metrics.Domain;

/// <summary>A bug report; it counts as post-launch when it names a request and came within 30 days of its first delivery.</summary>
public sealed class BugRow
{
    public Guid BugId { get; set; }
    public Guid? RequestId { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}
