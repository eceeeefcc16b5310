using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed record ListStale(int? Limit, string? Cursor);

/// <summary>
/// Articles past their review interval, the one unreviewed the longest first, a page at a time: keyset on (last
/// reviewed, sequence), so a page neither skips nor repeats an article while others are written.
/// </summary>
public sealed class ListStaleHandler(KnowledgeDbContext db, TimeProvider clock)
{
    public async Task<(IReadOnlyList<Article> Items, string? NextCursor)> HandleAsync(ListStale query, CancellationToken ct)
    {
        var limit = Paging.Limit(query.Limit);
        var now = clock.GetStoredUtcNow();
        var articles = db.Articles.AsNoTracking().Where(a => a.ReviewDueAt <= now);
        if (Cursor.DecodeAfter(query.Cursor) is var (reviewedAt, seq))
        {
            articles = articles.Where(a => a.LastReviewedAt > reviewedAt || (a.LastReviewedAt == reviewedAt && a.Seq > seq));
        }

        var fetched = await articles.OrderBy(a => a.LastReviewedAt).ThenBy(a => a.Seq).Take(limit + 1).ToListAsync(ct);
        if (fetched.Count <= limit)
        {
            return (fetched, null);
        }

        fetched.RemoveAt(limit);
        return (fetched, Cursor.EncodeAfter(fetched[^1].LastReviewedAt, fetched[^1].Seq));
    }
}
