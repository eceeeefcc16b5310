namespace MarketingDev.Metrics.Domain;

public sealed class ActionItemRow
{
    public Guid ActionItemId { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
