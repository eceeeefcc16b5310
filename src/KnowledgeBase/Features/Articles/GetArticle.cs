using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed class GetArticleHandler(KnowledgeDbContext db)
{
    public async Task<Article> HandleAsync(string id, CancellationToken ct)
    {
        var articleId = Writers.ParseId(id, "Article");
        return await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == articleId, ct) ?? throw new NotFoundException("Article", id);
    }
}
