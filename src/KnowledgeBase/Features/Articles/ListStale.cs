using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Articles;

/// <summary>Articles past their review interval, the one unreviewed the longest first.</summary>
public sealed class ListStaleHandler(KnowledgeDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Article>> HandleAsync(int? limit, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var now = clock.GetStoredUtcNow();
        return await db.Articles.AsNoTracking().Where(a => a.ReviewDueAt <= now)
            .OrderBy(a => a.LastReviewedAt).ThenBy(a => a.Seq).Take(take).ToListAsync(ct);
    }
}
