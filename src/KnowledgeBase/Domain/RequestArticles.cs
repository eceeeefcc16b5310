namespace MarketingDev.KnowledgeBase.Domain;

/// <summary>The articles worth reading before working on a submitted request, best first (pitfalls and API docs lead).</summary>
public sealed class RequestArticles
{
    private RequestArticles()
    {
    }

    public Guid RequestId { get; private set; }
    public string RequestKey { get; private set; } = "";
    public List<Guid> ArticleIds { get; private set; } = [];
    public DateTimeOffset MatchedAt { get; private set; }

    public static RequestArticles For(Guid requestId, string key, IReadOnlyList<Guid> articleIds, DateTimeOffset now) =>
        new() { RequestId = requestId, RequestKey = key, ArticleIds = [.. articleIds], MatchedAt = now };

    public void Rematch(IReadOnlyList<Guid> articleIds, DateTimeOffset now)
    {
        ArticleIds = [.. articleIds];
        MatchedAt = now;
    }
}
