namespace MarketingDev.Contracts.Events.KnowledgeBase;

/// <summary>A new numbered revision of an article; a revision also counts as a review of its content.</summary>
public sealed record ArticleRevised(
    Guid EventId, DateTimeOffset OccurredAt, Guid ArticleId, string Kind, string Title, int Revision, int ReviewIntervalDays,
    string AuthorId, string Author, string? ChangeSummary) : IIntegrationEvent;

/// <summary>Someone confirmed the article is still true; its staleness clock restarts.</summary>
public sealed record ArticleReviewed(
    Guid EventId, DateTimeOffset OccurredAt, Guid ArticleId, string Kind, int ReviewIntervalDays, string ReviewerId, string Reviewer)
    : IIntegrationEvent;

/// <summary>An admin removed the article.</summary>
public sealed record ArticleDeleted(Guid EventId, DateTimeOffset OccurredAt, Guid ArticleId, string Kind, string ActorId) : IIntegrationEvent;

/// <summary>
/// Searches counted by one service instance over [PeriodStart, PeriodEnd): published periodically so that no search
/// pays for a write. Instance names the replica, so counts from several replicas add up.
/// </summary>
public sealed record KnowledgeSearchesCounted(
    Guid EventId, DateTimeOffset OccurredAt, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string Instance,
    long Searches, long SearchesWithResult) : IIntegrationEvent;

/// <summary>A search found nothing for a normalised query that had no open gap yet.</summary>
public sealed record KnowledgeGapRecorded(
    Guid EventId, DateTimeOffset OccurredAt, Guid GapId, string Query, int Occurrences) : IIntegrationEvent;

/// <summary>A gap closed: How is "matched" (a published or revised article now answers it) or "resolved" (by hand).</summary>
public sealed record KnowledgeGapClosed(
    Guid EventId, DateTimeOffset OccurredAt, Guid GapId, string Query, Guid? ArticleId, string How, DateTimeOffset RecordedAt,
    int Occurrences) : IIntegrationEvent;

/// <summary>The "tap on the shoulder" made visible: someone asked instead of finding.</summary>
public sealed record QuestionAsked(
    Guid EventId, DateTimeOffset OccurredAt, Guid QuestionId, string AskedById, string AskedBy, int SuggestedArticles) : IIntegrationEvent;

public sealed record QuestionAnswered(
    Guid EventId, DateTimeOffset OccurredAt, Guid QuestionId, string AnsweredById, string AnsweredBy, Guid? FaqArticleId,
    DateTimeOffset AskedAt) : IIntegrationEvent;
