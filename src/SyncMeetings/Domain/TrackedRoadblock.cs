namespace MarketingDev.SyncMeetings.Domain;

/// <summary>A roadblock from the Requests events; a resolution that overtakes its raise still wins.</summary>
public sealed class TrackedRoadblock
{
    private TrackedRoadblock()
    {
    }

    public Guid RoadblockId { get; private set; }
    public Guid RequestId { get; private set; }
    public string RequestKey { get; private set; } = "";
    public string RequestTitle { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Severity { get; private set; } = "";
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public static TrackedRoadblock New(Guid roadblockId, Guid requestId, string requestKey) =>
        new() { RoadblockId = roadblockId, RequestId = requestId, RequestKey = requestKey };

    public void Raised(string requestTitle, string description, string severity, string raisedBy, DateTimeOffset at)
    {
        RequestTitle = requestTitle;
        Description = description;
        Severity = severity;
        RaisedBy = raisedBy;
        RaisedAt = at;
    }

    public void Resolved(DateTimeOffset raisedAt, DateTimeOffset at)
    {
        RaisedAt = RaisedAt == default ? raisedAt : RaisedAt;
        ResolvedAt = at;
    }
}
