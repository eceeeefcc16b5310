namespace MarketingDev.KnowledgeBase;

/// <summary>Settings under KnowledgeBase: (e.g. KnowledgeBase__SearchCountInterval=00:00:10).</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "KnowledgeBase";

    /// <summary>How often the in-memory search counts are published as a KnowledgeSearchesCounted event.</summary>
    public TimeSpan SearchCountInterval { get; set; } = TimeSpan.FromMinutes(1);
}
