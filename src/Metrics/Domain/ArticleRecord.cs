namespace MarketingDev.Metrics.Domain;

/// <summary>A published knowledge-base article, for the self-service rate.</summary>
public sealed class ArticleRecord
{
    private ArticleRecord()
    {
    }

    public Guid ArticleId { get; private set; }
    public string Category { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }

    public static ArticleRecord Published(Guid articleId, string category, DateTimeOffset at) =>
        new() { ArticleId = articleId, Category = category, PublishedAt = at };
}
