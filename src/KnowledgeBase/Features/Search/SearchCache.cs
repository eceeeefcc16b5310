using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MarketingDev.KnowledgeBase.Features.Search;

/// <summary>
/// Recent search results (hits only: a miss must still record its gap), so that the popular queries do not rank the
/// same thousands of articles again. A write on this instance empties it at once (a new generation); writes on other
/// replicas show after at most KnowledgeBase:SearchCacheSeconds (0 turns the cache off). Bounded to 2,000 queries.
/// </summary>
public sealed class SearchCache(IOptions<KnowledgeOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2_000 });
    private readonly TimeSpan _lifetime = options.Value.SearchCacheLifetime;
    private long _generation;

    public bool Enabled => _lifetime > TimeSpan.Zero;

    public string Key(string query, string? kind, string? tag, int limit) =>
        $"{Interlocked.Read(ref _generation)}\u0001{kind}\u0001{tag}\u0001{limit}\u0001{query}";

    public bool TryGet(string key, out List<SearchHit> hits)
    {
        hits = [];
        if (Enabled && _cache.TryGetValue(key, out List<SearchHit>? cached) && cached is not null)
        {
            hits = cached;
            return true;
        }

        return false;
    }

    public void Set(string key, List<SearchHit> hits)
    {
        if (Enabled && hits.Count > 0)
        {
            _cache.Set(key, hits, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
        }
    }

    /// <summary>After any change to articles: results computed before it are never served again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose() => _cache.Dispose();
}
