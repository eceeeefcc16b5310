namespace MarketingDev.KnowledgeBase;

/// <summary>Settings under KnowledgeBase: (e.g. KnowledgeBase__SearchCountInterval=00:00:10).</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "KnowledgeBase";

    /// <summary>How often the in-memory search counts are published as a KnowledgeSearchesCounted event.</summary>
    public TimeSpan SearchCountInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long another replica's search results may be reused after an article changed here (0: no cache).</summary>
    public int SearchCacheSeconds { get; set; } = 5;

    /// <summary>How often misses counted in memory are added to their gaps' rows (GapTally).</summary>
    public TimeSpan GapFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan SearchCacheLifetime => TimeSpan.FromSeconds(Math.Max(0, SearchCacheSeconds));
}
