namespace MarketingDev.Metrics.Domain;

public sealed class MeetingRow
{
    public Guid MeetingId { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    public int PlannedMinutes { get; set; }
    public int ActualMinutes { get; set; }
    public List<FunctionCount> Attendance { get; set; } = [];
}

public sealed class ActionItemRow
{
    public Guid ActionItemId { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A cross-functional session (devDemo, lunchAndLearn, workshop, kickoff, strategy, retrospective).</summary>
public sealed class SessionRow
{
    public Guid SessionId { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    public string Type { get; set; } = "";
    public int DurationMinutes { get; set; }
    public List<FunctionCount> Attendance { get; set; } = [];
}

public sealed class FunctionCount
{
    public string Function { get; set; } = "";
    public int Count { get; set; }
}
