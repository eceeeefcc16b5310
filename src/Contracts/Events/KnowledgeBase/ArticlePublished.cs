namespace MarketingDev.Contracts.Events.KnowledgeBase;

/// <summary>A knowledge-base article's first revision is live.</summary>
public sealed record ArticlePublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ArticleId,
    string Title,
    string Category,
    string Author) : IIntegrationEvent;
