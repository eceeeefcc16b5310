namespace MarketingDev.SyncMeetings.Domain;

/// <summary>A cross-functional session (dev demo, lunch and learn, kick-off…); a kick-off linked to a request covers its needsKickoff.</summary>
public sealed class Session
{
    private Session()
    {
    }

    public Guid Id { get; private set; }
    public SessionType Type { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public int DurationMinutes { get; private set; }
    public string Presenter { get; private set; } = "";
    public ParticipantFunction PresenterFunction { get; private set; }
    public List<Attendee> Attendees { get; private set; } = [];
    public Guid? RequestId { get; private set; }
    public List<string> Topics { get; private set; } = [];
    public string RecordedById { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static Session Record(
        SessionType type, string title, DateOnly date, int durationMinutes, string presenter, ParticipantFunction presenterFunction,
        IReadOnlyList<Attendee> attendees, Guid? requestId, IReadOnlyList<string> topics, string byId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Type = type, Title = title, Date = date, DurationMinutes = durationMinutes, Presenter = presenter,
        PresenterFunction = presenterFunction, Attendees = [.. attendees], RequestId = requestId, Topics = [.. topics], RecordedById = byId,
        RecordedAt = now,
    };

    public IReadOnlyDictionary<string, int> AttendanceByFunction() => Attendees
        .GroupBy(a => ServiceDefaults.WireName.ToWire(a.Function))
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count());
}
