using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Articles;

/// <summary>Every revision of an article, oldest first.</summary>
public sealed class ListRevisionsHandler(KnowledgeDbContext db)
{
    public async Task<IReadOnlyList<ArticleRevision>> HandleAsync(string articleId, CancellationToken ct)
    {
        var id = Writers.ParseId(articleId, "Article");
        var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync(ct);
        return revisions.Count == 0 ? throw new NotFoundException("Article", articleId) : revisions;
    }
}
