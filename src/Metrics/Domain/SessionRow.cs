namespace MarketingDev.Metrics.Domain;

/// <summary>A cross-functional session (devDemo, lunchAndLearn, workshop, kickoff, strategy, retrospective).</summary>
public sealed class SessionRow
{
    public Guid SessionId { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    public string Type { get; set; } = "";
    public int DurationMinutes { get; set; }
    public List<FunctionCount> Attendance { get; set; } = [];
}
