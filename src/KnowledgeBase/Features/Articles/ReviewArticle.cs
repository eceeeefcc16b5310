using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed record ReviewArticle(string Id, Actor Actor, int ExpectedVersion);

/// <summary>Someone confirmed the article is still true: its staleness clock restarts (no new revision).</summary>
public sealed class ReviewArticleHandler(KnowledgeDbContext db, TimeProvider clock)
{
    public async Task<Article> HandleAsync(ReviewArticle command, CancellationToken ct)
    {
        Writers.EnsureMayWrite(command.Actor);
        var article = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, ct);
        var now = clock.GetStoredUtcNow();
        article.Review(command.Actor, now);
        db.Publish(new ArticleReviewed(Guid.CreateVersion7(now), now, article.Id, WireName.ToWire(article.Kind), article.ReviewIntervalDays,
            command.Actor.Id, command.Actor.Name));
        await db.SaveChangesAsync(ct);
        return article;
    }
}
