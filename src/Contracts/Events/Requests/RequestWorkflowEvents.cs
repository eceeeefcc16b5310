namespace MarketingDev.Contracts.Events.Requests;

/// <summary>A request passed its readiness check and went to development.</summary>
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
    string Actor) : IIntegrationEvent;

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
