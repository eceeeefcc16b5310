using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MarketingDev.KnowledgeBase.Features.Search;

/// <summary>
/// Recent search results (hits and misses: a miss still records its gap, through <see cref="GapTally"/>) and what a
/// miss answers besides (its "did you mean", whether it has words to search), so that popular queries neither rank the
/// same thousands of articles again nor rerun the trigram suggestion. A write on this instance empties it at once (a new
/// generation); writes on other replicas show after at most KnowledgeBase:SearchCacheSeconds (0 turns the cache off).
/// Bounded to 4,000 entries.
/// </summary>
public sealed class SearchCache(IOptions<KnowledgeOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 4_000 });
    private readonly TimeSpan _lifetime = options.Value.SearchCacheLifetime;
    private long _generation;

    public bool Enabled => _lifetime > TimeSpan.Zero;

    public TimeSpan Lifetime => _lifetime;

    public string Key(string query, string? kind, string? tag, int limit) =>
        $"{Interlocked.Read(ref _generation)}\u0001{kind}\u0001{tag}\u0001{limit}\u0001{query}";

    public string MissKey(string query) => $"{Interlocked.Read(ref _generation)}\u0002{query}";

    public bool TryGet<T>(string key, out T value) where T : class
    {
        if (Enabled && _cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            value = cached;
            return true;
        }

        value = null!;
        return false;
    }

    public void Set<T>(string key, T value) where T : class
    {
        if (Enabled)
        {
            _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
        }
    }

    /// <summary>After any change to articles: results computed before it are never served again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose() => _cache.Dispose();
}
