namespace MarketingDev.Contracts.Events.Requests;

/// <summary>A developer asked the requester a question about a request: one clarification round.</summary>
public sealed record ClarificationRequested(
    Guid EventId, DateTimeOffset OccurredAt, Guid RequestId, Guid ClarificationId, string RequestKey, string AskedBy) : IIntegrationEvent;

public sealed record ClarificationAnswered(
    Guid EventId, DateTimeOffset OccurredAt, Guid RequestId, Guid ClarificationId, string RequestKey, string AnsweredBy, DateTimeOffset AskedAt) : IIntegrationEvent;

/// <summary>A technical roadblock on a request; the sync agenda's roadblock review is built from these.</summary>
public sealed record RoadblockRaised(
    Guid EventId, DateTimeOffset OccurredAt, Guid RoadblockId, Guid RequestId, string RequestKey, string RequestTitle,
    string Description, string Severity, string RaisedBy) : IIntegrationEvent;

public sealed record RoadblockResolved(
    Guid EventId, DateTimeOffset OccurredAt, Guid RoadblockId, Guid RequestId, string RequestKey, string Resolution,
    string ResolvedBy, DateTimeOffset RaisedAt) : IIntegrationEvent;

/// <summary>A structured bug report; when it names a delivered request, its delivery time makes it a post-launch bug.</summary>
public sealed record BugReported(
    Guid EventId, DateTimeOffset OccurredAt, Guid BugId, string BugKey, Guid? RequestId, string? RequestKey,
    DateTimeOffset? RequestDeliveredAt, string Severity, string ReportedBy) : IIntegrationEvent;
