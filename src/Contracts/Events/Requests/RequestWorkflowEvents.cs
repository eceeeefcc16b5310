namespace MarketingDev.Contracts.Events.Requests;

/// <summary>
/// A request passed its readiness check and went to development. Text is its user story, acceptance criteria and
/// marketing context as plain text, so consumers (the knowledge base's related articles) need not call back.
/// </summary>
public sealed record RequestSubmitted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid RequestId,
    string Key,
    string Type,
    string Priority,
    DateOnly? LaunchDate,
    int ReadinessScore,
    string Requester,
    string Actor,
    int WarningFindings = 0,
    string? Title = null,
    string? Text = null) : IIntegrationEvent;

/// <summary>
/// Every status change, including the two ways back the metrics count as rework: Kind "returned" (submitted or in
/// review back to draft, for more information) and "reopened" (delivered back to in progress).
/// </summary>
public sealed record RequestStatusChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid RequestId,
    string Key,
    string From,
    string To,
    string Kind,
    string? Reason,
    string Actor,
    string Type,
    string Priority,
    DateOnly? LaunchDate,
    string? EstimateSize,
    double? EstimateDays) : IIntegrationEvent;

/// <summary>Development delivered the request: estimate against actual working days in progress.</summary>
public sealed record RequestDelivered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid RequestId,
    string Key,
    string Type,
    string Priority,
    DateOnly? LaunchDate,
    DateTimeOffset? SubmittedAt,
    double? EstimateDays,
    int ActualDays) : IIntegrationEvent;

/// <summary>
/// The request's content was edited. Carries the fields read models keep (title, type, priority, launch date, team),
/// so a launch date added after drafting reaches the agenda.
/// </summary>
public sealed record RequestEdited(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid RequestId,
    string Key,
    string Title,
    string Type,
    string Priority,
    DateOnly? LaunchDate,
    string? Team,
    string Status,
    int Version,
    string ActorId) : IIntegrationEvent;

/// <summary>A developer sized the request (xs, s, m, l, xl) and estimated working days; QuickWin marks it for the sync.</summary>
public sealed record RequestEstimated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid RequestId,
    string Key,
    string Size,
    double Days,
    bool QuickWin,
    string ActorId) : IIntegrationEvent;
