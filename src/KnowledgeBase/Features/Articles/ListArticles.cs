using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed record ListArticles(int? Limit, string? Cursor, ArticleKind? Kind, string? Tag, string? OwnerTeam, bool StaleOnly);

/// <summary>Newest first, by keyset on the insertion sequence, so pages never skip or repeat while others write.</summary>
public sealed class ListArticlesHandler(KnowledgeDbContext db, TimeProvider clock)
{
    public async Task<(IReadOnlyList<Article> Items, string? NextCursor)> HandleAsync(ListArticles query, CancellationToken ct)
    {
        var limit = Paging.Limit(query.Limit);
        var after = Cursor.Decode(query.Cursor);
        IQueryable<Article> articles = db.Articles.AsNoTracking();
        if (query.Kind is { } kind)
        {
            articles = articles.Where(a => a.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim().ToLowerInvariant();
            articles = articles.Where(a => a.Tags.Contains(tag));
        }

        if (!string.IsNullOrWhiteSpace(query.OwnerTeam))
        {
            var team = query.OwnerTeam.Trim();
            articles = articles.Where(a => a.OwnerTeam == team);
        }

        if (query.StaleOnly)
        {
            var now = clock.GetStoredUtcNow();
            articles = articles.Where(a => a.ReviewDueAt <= now);
        }

        if (after is { } seq)
        {
            articles = articles.Where(a => a.Seq < seq);
        }

        return Paging.Page(await articles.OrderByDescending(a => a.Seq).Take(limit + 1).ToListAsync(ct), limit, a => a.Seq);
    }
}
