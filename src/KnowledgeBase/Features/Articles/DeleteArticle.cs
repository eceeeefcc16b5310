using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Glossary;
using MarketingDev.KnowledgeBase.Features.Search;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed record DeleteArticle(string Id, Actor Actor, int ExpectedVersion = 0);

/// <summary>Admins only: the article and its revisions go, ArticleDeleted tells the others. A stale expected version: 412.</summary>
public sealed class DeleteArticleHandler(KnowledgeDbContext db, GlossaryIndex glossary, SearchCache searchCache, TimeProvider clock)
{
    public async Task HandleAsync(DeleteArticle command, CancellationToken ct)
    {
        Writers.EnsureMayDelete(command.Actor);
        var article = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, ct);
        var now = clock.GetStoredUtcNow();
        db.Articles.Remove(article);
        db.Publish(new ArticleDeleted(Guid.CreateVersion7(now), now, article.Id, WireName.ToWire(article.Kind), command.Actor.Id));
        await db.SaveChangesAsync(ct);
        searchCache.Invalidate();
        if (article.Kind == ArticleKind.Glossary)
        {
            glossary.Invalidate();
        }
    }
}
