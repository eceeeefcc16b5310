namespace MarketingDev.Contracts.Events.KnowledgeBase;

/// <summary>
/// A knowledge-base article's first revision is live. Kind is the article kind's wire name (techStack, apiDoc,
/// dataSchema, procedure, pitfall, faq, glossary); the review interval lets consumers tell when it goes stale.
/// </summary>
public sealed record ArticlePublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ArticleId,
    string Kind,
    string Title,
    IReadOnlyList<string> Tags,
    string? OwnerTeam,
    int ReviewIntervalDays,
    string AuthorId,
    string Author) : IIntegrationEvent;
