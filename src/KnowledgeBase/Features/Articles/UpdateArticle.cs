using FluentValidation;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed record UpdateArticle(string Id, ArticleInput Input, string ChangeSummary, Actor Actor, int ExpectedVersion);

/// <summary>The next numbered revision (412 when the caller edited an older version), its event, and the gaps it closes.</summary>
public sealed class UpdateArticleHandler(KnowledgeDbContext db, ArticleWriter writer, IValidator<ArticleInput> validator, TimeProvider clock)
{
    public async Task<Article> HandleAsync(UpdateArticle command, CancellationToken ct)
    {
        Writers.EnsureMayWrite(command.Actor);
        await validator.ValidateOrThrowAsync(command.Input, ct);
        if (command.ChangeSummary.Length > 500 || !ArticleInputValidator.NoNul(command.ChangeSummary))
        {
            throw new InvalidInputException("#/changeSummary", "At most 500 characters, no NUL.");
        }

        var article = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, ct);
        var wasGlossary = article.Kind == ArticleKind.Glossary;
        var now = clock.GetStoredUtcNow();
        var summary = string.IsNullOrWhiteSpace(command.ChangeSummary) ? "Edited" : command.ChangeSummary.Trim();
        writer.StageRevise(article, command.Input.ToContent(), summary, command.Actor, now);
        await writer.SaveAndCloseGapsAsync(article, wasGlossary, now, ct);
        return article;
    }
}
