namespace MarketingDev.Contracts.Events.SyncMeetings;

/// <summary>Planned against actual minutes of one agenda section (initiatives, roadblocks, quickWins, actionItems).</summary>
public sealed record SectionMinutes(string Section, int Planned, int Actual);

/// <summary>
/// A sync meeting was held. AttendanceByFunction counts attendees per function (marketing, development, product,
/// design, other).
/// </summary>
public sealed record MeetingCompleted(
    Guid EventId, DateTimeOffset OccurredAt, Guid MeetingId, Guid SeriesId, string SeriesName, DateOnly Date,
    int PlannedMinutes, int ActualMinutes, IReadOnlyList<SectionMinutes> Sections,
    IReadOnlyDictionary<string, int> AttendanceByFunction, int Decisions, int OpenActionItems) : IIntegrationEvent;

public sealed record ActionItemAssigned(
    Guid EventId, DateTimeOffset OccurredAt, Guid ActionItemId, Guid MeetingId, Guid SeriesId, string Title, string Owner,
    DateOnly DueDate, Guid? RequestId) : IIntegrationEvent;

public sealed record ActionItemCompleted(
    Guid EventId, DateTimeOffset OccurredAt, Guid ActionItemId, Guid MeetingId, Guid SeriesId, string Owner, DateOnly DueDate,
    DateTimeOffset AssignedAt, string CompletedById, string CompletedBy) : IIntegrationEvent;

/// <summary>
/// A cross-functional session (devDemo, lunchAndLearn, workshop, kickoff, strategy, retrospective) took place.
/// AttendanceByFunction counts attendees per function; crossing over (developers at marketing's sessions and the
/// reverse) is what the metrics look at.
/// </summary>
public sealed record SessionHeld(
    Guid EventId, DateTimeOffset OccurredAt, Guid SessionId, string Type, string Title, DateOnly Date, int DurationMinutes,
    string PresenterFunction, IReadOnlyDictionary<string, int> AttendanceByFunction, Guid? RequestId) : IIntegrationEvent;
