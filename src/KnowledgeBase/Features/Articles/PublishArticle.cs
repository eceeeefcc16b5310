using FluentValidation;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;
using MarketingDev.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Articles;

/// <summary>IdempotencyKey (from the Gateway) makes a retry return the first article.</summary>
public sealed record PublishArticle(ArticleInput Input, Actor Actor, string? IdempotencyKey = null);

/// <summary>Revision 1 of a new article, its ArticlePublished event, and the gaps it closes, in one transaction.</summary>
public sealed class PublishArticleHandler(KnowledgeDbContext db, ArticleWriter writer, IValidator<ArticleInput> validator, TimeProvider clock)
{
    public async Task<Article> HandleAsync(PublishArticle command, CancellationToken ct)
    {
        Writers.EnsureMayWrite(command.Actor);
        await validator.ValidateOrThrowAsync(command.Input, ct);
        if (await db.CreatedEarlierAsync<Article>(command.IdempotencyKey, command.Actor.Id, ct) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetStoredUtcNow();
        var article = writer.StagePublish(command.Input.ToContent(), command.Actor, now);
        db.RememberCreated<Article>(command.IdempotencyKey, command.Actor.Id, article.Id, now);
        try
        {
            await writer.SaveAndCloseGapsAsync(article, glossaryChanged: false, now, ct);
        }
        catch (DbUpdateException ex) when (IdempotentCreation.IsKeyTaken(ex))
        {
            // The same retry arrived twice at once; the other one published the article.
            db.ChangeTracker.Clear();
            return await db.CreatedEarlierAsync<Article>(command.IdempotencyKey, command.Actor.Id, ct)
                   ?? throw new InvalidOperationException("The idempotent article vanished.", ex);
        }

        return article;
    }
}
