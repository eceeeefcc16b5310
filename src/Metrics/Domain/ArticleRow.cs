namespace MarketingDev.Metrics.Domain;

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
