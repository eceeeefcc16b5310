using MarketingDev.Gateway.OpenApi;
using Proto = MarketingDev.Contracts.Grpc.Meetings;

namespace MarketingDev.Gateway.Endpoints.SyncMeetings;

/// <summary>
/// A sync series. Defaults: weekday tuesday, startTime 09:30, durationMinutes 30, horizonWeeks 6 (4-6),
/// minimumItemMinutes 2, sections initiatives 10, roadblocks 10, quickWins 5, actionItems 5 (in the order they run).
/// timeZone is an IANA name (Europe/Berlin).
/// </summary>
public sealed record SeriesBody(
    string Name,
    string TimeZone,
    [WireEnum(typeof(Proto.Weekday))] string? Weekday = null,
    string? StartTime = null,
    int? DurationMinutes = null,
    int? HorizonWeeks = null,
    int? MinimumItemMinutes = null,
    IReadOnlyList<SectionTimeboxDto>? Sections = null,
    IReadOnlyList<ParticipantDto>? Participants = null);

/// <summary>section: initiatives | roadblocks | quickWins | actionItems.</summary>
public sealed record SectionTimeboxDto([WireEnum(typeof(Proto.Section))] string Section, int Minutes);

/// <summary>function: marketing | development | product | design | other.</summary>
public sealed record ParticipantDto(string Name, [WireEnum(typeof(Proto.ParticipantFunction))] string Function, string? Role = null, string? Email = null);

public sealed record WarningView(string Code, string Message);

public sealed record SeriesView(
    Guid Id, string Name, [WireEnum(typeof(Proto.Weekday))] string Weekday, string StartTime, string TimeZone, int DurationMinutes, int HorizonWeeks, int MinimumItemMinutes,
    IReadOnlyList<SectionTimeboxDto> Sections, IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<DateOnly> Cancellations,
    int Version, int Sequence, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string CalendarUrl,
    IReadOnlyList<WarningView> Warnings);

public sealed record DateBody(DateOnly Date);

/// <summary>kind: feasibility | decision | note. raiseRoadblock (feasibility notes on initiatives) raises it on the item's request.</summary>
public sealed record NoteBody(string Text, [WireEnum(typeof(Proto.NoteKind))] string Kind, RaiseRoadblockDto? RaiseRoadblock = null);

/// <summary>severity: low | medium | high.</summary>
public sealed record RaiseRoadblockDto([WireEnum("low,medium,high")] string Severity = "medium");

/// <summary>sectionMinutes: actual minutes by section, e.g. { "initiatives": 12, "roadblocks": 8 }.</summary>
public sealed record CompleteBody(
    IReadOnlyList<AttendeeDto> Attendees,
    IReadOnlyDictionary<string, int>? SectionMinutes = null,
    string? Notes = null,
    IReadOnlyList<string>? Decisions = null);

public sealed record AttendeeDto(string Name, [WireEnum(typeof(Proto.ParticipantFunction))] string Function);

public sealed record IdeaBody(string Text);

public sealed record ActionItemBody(string Title, string Owner, DateOnly DueDate, Guid? RequestId = null);

/// <summary>type: devDemo | lunchAndLearn | workshop | kickoff | strategy | retrospective.</summary>
public sealed record SessionBody(
    [WireEnum(typeof(Proto.SessionType))] string Type, string Title, DateOnly Date, int DurationMinutes, string Presenter,
    [WireEnum(typeof(Proto.ParticipantFunction))] string PresenterFunction,
    IReadOnlyList<AttendeeDto>? Attendees = null, Guid? RequestId = null, IReadOnlyList<string>? Topics = null);

public sealed record MeetingView(
    Guid Id, Guid SeriesId, string SeriesName, DateOnly Date, DateTimeOffset StartsAt, [WireEnum(typeof(Proto.MeetingStatus))] string Status, AgendaView Agenda,
    IReadOnlyList<NoteView> Notes, CompletionView? Completion, int Version, string AgendaMarkdownUrl);

public sealed record AgendaView(
    DateOnly Date, DateTimeOffset StartsAt, int DurationMinutes, int MinimumItemMinutes, DateTimeOffset BuiltAt,
    IReadOnlyList<AgendaSectionView> Sections, int SpareMinutes);

public sealed record AgendaSectionView(
    [WireEnum(typeof(Proto.Section))] string Section, int TimeboxMinutes, int CarriedInMinutes, int AllottedMinutes, IReadOnlyList<AgendaItemView> Items,
    IReadOnlyList<AgendaItemView> Deferred);

/// <summary>flags: draft, needsKickoff, stillRelevant? (no activity for 3 weeks), overdue. deferredReason only on deferred items.</summary>
public sealed record AgendaItemView(
    Guid ItemId, [WireEnum(typeof(Proto.AgendaItemKind))] string Kind, string Title, int Minutes,
    [WireEnum(typeof(Proto.AgendaFlag))] IReadOnlyList<string> Flags, Guid? RequestId, string? RequestKey,
    string? Status, string? Priority, DateOnly? LaunchDate, string? EstimateSize, string? Severity, string? Owner, DateOnly? DueDate,
    DateTimeOffset? Since, string? Detail, string? DeferredReason);

public sealed record NoteView(Guid Id, Guid ItemId, [WireEnum(typeof(Proto.NoteKind))] string Kind, string Text, string By, DateTimeOffset At, Guid? RoadblockId);

public sealed record SectionActualView([WireEnum(typeof(Proto.Section))] string Section, int Planned, int Actual);

public sealed record CompletionView(
    IReadOnlyList<AttendeeDto> Attendees, IReadOnlyList<SectionActualView> Sections, string? Notes, IReadOnlyList<string> Decisions,
    DateTimeOffset CompletedAt);

public sealed record IdeaView(Guid Id, Guid SeriesId, string Text, [WireEnum(typeof(Proto.IdeaStatus))] string Status, string By, DateTimeOffset CreatedAt, Guid? RequestId);

public sealed record ActionItemView(
    Guid Id, Guid SeriesId, Guid MeetingId, string Title, string Owner, DateOnly DueDate, Guid? RequestId, [WireEnum(typeof(Proto.ActionItemStatus))] string Status, bool Overdue,
    DateTimeOffset AssignedAt, string? CompletedBy, DateTimeOffset? CompletedAt);

public sealed record SessionView(
    Guid Id, [WireEnum(typeof(Proto.SessionType))] string Type, string Title, DateOnly Date, int DurationMinutes, string Presenter,
    [WireEnum(typeof(Proto.ParticipantFunction))] string PresenterFunction,
    IReadOnlyList<AttendeeDto> Attendees, Guid? RequestId, IReadOnlyList<string> Topics, IReadOnlyDictionary<string, int> AttendanceByFunction);
