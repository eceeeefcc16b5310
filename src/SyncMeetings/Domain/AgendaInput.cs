namespace MarketingDev.SyncMeetings.Domain;

/// <summary>Everything the agenda builder looks at, read once from the service's own database.</summary>
public sealed record AgendaInput(
    AgendaSettings Settings,
    DateOnly MeetingDate,
    DateTimeOffset Now,
    DateTimeOffset? PreviousMeetingStartsAt,
    IReadOnlyList<RequestFacts> Requests,
    IReadOnlyList<RoadblockFacts> Roadblocks,
    IReadOnlyList<IdeaFacts> Ideas,
    IReadOnlyList<ActionItemFacts> ActionItems);

public sealed record AgendaSettings(
    string TimeZoneId,
    TimeOnly StartTime,
    int DurationMinutes,
    int HorizonWeeks,
    IReadOnlyList<SectionTimebox> Sections,
    int MinimumItemMinutes);

public sealed record SectionTimebox(Section Section, int Minutes);

/// <summary>A request as the read model knows it. Status, priority and size are the Requests service's wire names.</summary>
public sealed record RequestFacts(
    Guid RequestId, string Key, string Title, string Status, string Priority, DateOnly? LaunchDate, string? EstimateSize,
    bool QuickWin, DateTimeOffset LastActivityAt, bool KickoffHeld);

public sealed record RoadblockFacts(
    Guid RoadblockId, Guid RequestId, string RequestKey, string RequestTitle, string Description, string Severity,
    DateTimeOffset RaisedAt, bool Resolved);

public sealed record IdeaFacts(Guid IdeaId, string Text, string By, DateTimeOffset CreatedAt, IdeaStatus Status);

public sealed record ActionItemFacts(
    Guid ActionItemId, string Title, string Owner, DateOnly DueDate, Guid? RequestId, DateTimeOffset AssignedAt, ActionItemStatus Status);
