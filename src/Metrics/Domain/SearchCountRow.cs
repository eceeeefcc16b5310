namespace MarketingDev.Metrics.Domain;

/// <summary>One KnowledgeSearchesCounted: searches (and those with a result) counted by one replica over a short period.</summary>
public sealed class SearchCountRow
{
    public Guid EventId { get; set; }
    public DateTimeOffset CountedAt { get; set; }
    public long Searches { get; set; }
    public long SearchesWithResult { get; set; }
}
