namespace MarketingDev.Metrics.Domain;

public sealed class MeetingRow
{
    public Guid MeetingId { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    public int PlannedMinutes { get; set; }
    public int ActualMinutes { get; set; }
    public List<FunctionCount> Attendance { get; set; } = [];
}
