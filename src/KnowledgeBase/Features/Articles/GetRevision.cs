using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed class GetRevisionHandler(KnowledgeDbContext db)
{
    public async Task<ArticleRevision> HandleAsync(string articleId, int number, CancellationToken ct)
    {
        var id = Writers.ParseId(articleId, "Article");
        return await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == id && r.Number == number, ct)
            ?? throw new NotFoundException("Revision", $"{articleId}/{number}");
    }
}
