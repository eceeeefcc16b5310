namespace MarketingDev.KnowledgeBase.Features.Search;

/// <summary>
/// Searches counted in memory, so no search pays for a write; <see cref="SearchCountFlusher"/> publishes and resets
/// the totals periodically. Lock-free: a search only increments.
/// </summary>
public sealed class SearchCounter
{
    private long _searches;
    private long _withResult;

    public void Record(bool hadResult)
    {
        Interlocked.Increment(ref _searches);
        if (hadResult)
        {
            Interlocked.Increment(ref _withResult);
        }
    }

    /// <summary>The counts since the last take, resetting them.</summary>
    public (long Searches, long WithResult) Take()
    {
        // Read the hits first: a search counted between the two exchanges lands in the next period, never twice.
        var withResult = Interlocked.Exchange(ref _withResult, 0);
        var searches = Interlocked.Exchange(ref _searches, 0);
        return (searches, Math.Min(withResult, searches));
    }

    /// <summary>Puts back counts that could not be published, so a failed flush loses nothing.</summary>
    public void Restore(long searches, long withResult)
    {
        Interlocked.Add(ref _searches, searches);
        Interlocked.Add(ref _withResult, withResult);
    }
}
