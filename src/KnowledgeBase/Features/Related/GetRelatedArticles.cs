using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Related;

/// <summary>The articles stored for a request, in their order; none before it is submitted, deleted ones left out.</summary>
public sealed class GetRelatedArticlesHandler(KnowledgeDbContext db)
{
    public async Task<IReadOnlyList<Article>> HandleAsync(string requestId, CancellationToken ct)
    {
        if (!Guid.TryParse(requestId, out var id))
        {
            throw new ServiceDefaults.Errors.InvalidInputException("#/requestId", "A request id (a UUID) is required.");
        }

        var related = await db.RequestArticles.AsNoTracking().SingleOrDefaultAsync(r => r.RequestId == id, ct);
        if (related is null || related.ArticleIds.Count == 0)
        {
            return [];
        }

        var articles = await db.Articles.AsNoTracking().Where(a => related.ArticleIds.Contains(a.Id)).ToListAsync(ct);
        return related.ArticleIds.Select(i => articles.FirstOrDefault(a => a.Id == i)).OfType<Article>().ToList();
    }
}
