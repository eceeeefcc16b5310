namespace MarketingDev.Metrics.Domain;

/// <summary>One KnowledgeSearchesCounted: searches (and those with a result) counted by one replica over a short period.</summary>
public sealed class SearchCountRow
{
    public Guid EventId { get; set; }
    public DateTimeOffset CountedAt { get; set; }
    public long Searches { get; set; }
    public long SearchesWithResult { get; set; }
}

public sealed class GapRow
{
    public Guid GapId { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

public sealed class QuestionRow
{
    public Guid QuestionId { get; set; }
    public DateTimeOffset? AskedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>An article is stale once its last publication, revision or review is older than its review interval.</summary>
public sealed class ArticleRow
{
    public Guid ArticleId { get; set; }
    public string Kind { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? LastReviewedAt { get; set; }
    public int ReviewIntervalDays { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}
