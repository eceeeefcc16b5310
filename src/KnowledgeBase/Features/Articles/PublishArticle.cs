using FluentValidation;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed record PublishArticle(ArticleInput Input, Actor Actor);

/// <summary>Revision 1 of a new article, its ArticlePublished event, and the gaps it closes, in one transaction.</summary>
public sealed class PublishArticleHandler(ArticleWriter writer, IValidator<ArticleInput> validator, TimeProvider clock)
{
    public async Task<Article> HandleAsync(PublishArticle command, CancellationToken ct)
    {
        Writers.EnsureMayWrite(command.Actor);
        await validator.ValidateOrThrowAsync(command.Input, ct);
        var now = clock.GetStoredUtcNow();
        var article = writer.StagePublish(command.Input.ToContent(), command.Actor, now);
        await writer.SaveAndCloseGapsAsync(article, glossaryChanged: false, now, ct);
        return article;
    }
}
