using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Search;

public sealed record ListGaps(GapStatus? Status, int? Limit);

/// <summary>Knowledge gaps (open unless asked otherwise), the most searched first: what to write next.</summary>
public sealed class ListGapsHandler(KnowledgeDbContext db, GapTally tally)
{
    public async Task<IReadOnlyList<KnowledgeGap>> HandleAsync(ListGaps query, CancellationToken ct)
    {
        await tally.FlushAsync(db, ct);
        var limit = Paging.Limit(query.Limit);
        var status = query.Status ?? GapStatus.Open;
        return await db.KnowledgeGaps.AsNoTracking().Where(g => g.Status == status)
            .OrderByDescending(g => g.Occurrences).ThenByDescending(g => g.LastSeenAt).Take(limit).ToListAsync(ct);
    }
}
