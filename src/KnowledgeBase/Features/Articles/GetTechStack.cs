using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed record TechStackRow(Guid ArticleId, string Component, TechCategory Category, string Version, string Vendor, string Owner,
    DateTimeOffset LastReviewedAt, bool Stale);

/// <summary>The current stack as one table: every techStack article, by category then component.</summary>
public sealed class GetTechStackHandler(KnowledgeDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TechStackRow>> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetStoredUtcNow();
        var articles = await db.Articles.AsNoTracking().Where(a => a.Kind == ArticleKind.TechStack).ToListAsync(ct);
        return articles
            .Where(a => a.Data.TechStack is not null)
            .Select(a => (a, t: a.Data.TechStack!))
            .Select(x => new TechStackRow(x.a.Id, x.t.Component, x.t.Category, x.t.Version, x.t.Vendor, x.t.Owner, x.a.LastReviewedAt, x.a.IsStale(now)))
            .OrderBy(r => r.Category).ThenBy(r => r.Component, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
