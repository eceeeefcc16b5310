using MarketingDev.ServiceDefaults;
using FluentValidation;
using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed record PublishArticle(string Title, string Category, string BodyMarkdown, string Author);

public sealed class PublishArticleValidator : AbstractValidator<PublishArticle>
{
    public PublishArticleValidator()
    {
        RuleFor(a => a.Title).NotEmpty().MaximumLength(200);
        RuleFor(a => a.Category).NotEmpty().MaximumLength(100);
        RuleFor(a => a.BodyMarkdown).NotEmpty().MaximumLength(200_000);
        RuleFor(a => a.Author).NotEmpty();
    }
}

public sealed class PublishArticleHandler(KnowledgeDbContext db, IValidator<PublishArticle> validator, TimeProvider clock)
{
    public async Task<Article> HandleAsync(PublishArticle command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        var now = clock.GetStoredUtcNow();
        var article = Article.Publish(command.Title, command.Category, command.BodyMarkdown, command.Author, now);
        db.Articles.Add(article);
        db.Publish(new ArticlePublished(Guid.CreateVersion7(now), now, article.Id, article.Category, article.Title, [], null, 180, command.Author, command.Author));
        await db.SaveChangesAsync(ct);
        return article;
    }
}
