namespace MarketingDev.KnowledgeBase.Domain;

/// <summary>
/// A question the knowledge base could not answer: searches that found nothing, aggregated by their normalised
/// query. Rows are inserted and counted with one upsert (see SearchArticles); this type reads and closes them.
/// </summary>
public sealed class KnowledgeGap
{
    private KnowledgeGap()
    {
    }

    public Guid Id { get; private set; }
    public string NormalizedQuery { get; private set; } = "";
    public string Query { get; private set; } = "";
    public int Occurrences { get; private set; }
    public GapStatus Status { get; private set; }
    public DateTimeOffset FirstSeenAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedByArticleId { get; private set; }
    public string? ClosedHow { get; private set; }

    /// <summary>An open gap as counted in memory (GapTally), before its row is updated.</summary>
    public static KnowledgeGap Counted(KnowledgeGap gap, int occurrences, DateTimeOffset lastSeenAt) => new()
    {
        Id = gap.Id,
        NormalizedQuery = gap.NormalizedQuery,
        Query = gap.Query,
        Occurrences = occurrences,
        Status = GapStatus.Open,
        FirstSeenAt = gap.FirstSeenAt,
        LastSeenAt = lastSeenAt > gap.LastSeenAt ? lastSeenAt : gap.LastSeenAt,
    };

    /// <summary>How is "matched" (an article now answers it) or "resolved" (someone pointed at the answer).</summary>
    public void Close(Guid? articleId, string how, DateTimeOffset now)
    {
        Status = GapStatus.Closed;
        ClosedAt = now;
        ClosedByArticleId = articleId;
        ClosedHow = how;
    }
}
