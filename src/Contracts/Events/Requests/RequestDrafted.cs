namespace MarketingDev.Contracts.Events.Requests;

/// <summary>A new request exists as a draft. Carries what consumers need so they never call back.</summary>
public sealed record RequestDrafted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid RequestId,
    string Key,
    string Title,
    string Type,
    string Priority,
    DateOnly? LaunchDate,
    string Requester,
    string? Team = null) : IIntegrationEvent;
