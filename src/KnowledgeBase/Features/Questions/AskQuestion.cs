using FluentValidation;
using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.KnowledgeBase.Features.Search;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase.Features.Questions;

/// <summary>IdempotencyKey (from the Gateway) makes a retry return the first question (with today's suggestions).</summary>
public sealed record AskQuestion(string Text, Actor Actor, string? IdempotencyKey = null);

public sealed class AskQuestionValidator : AbstractValidator<AskQuestion>
{
    public const int TextMax = 2000;

    public AskQuestionValidator()
    {
        RuleFor(q => q.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("The question is required.")
            .MaximumLength(TextMax).Must(ArticleInputValidator.NoNul).WithMessage(ArticleInputValidator.NulMessage);
    }
}

/// <summary>Anyone asks; the answer starts with the articles that best match the question's words.</summary>
public sealed class AskQuestionHandler(KnowledgeDbContext db, IValidator<AskQuestion> validator, TimeProvider clock)
{
    public const int Suggestions = 5;

    public async Task<(Question Question, IReadOnlyList<SearchHit> Suggestions)> HandleAsync(AskQuestion command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        var text = command.Text.Trim();
        var hits = await ArticleSearch.RunAsync(db, ArticleSearch.Mode.AnyWord, QueryNormalizer.AnyWordQuery(text), null, null, Suggestions, snippets: true, ct);
        if (await db.CreatedEarlierAsync<Question>(command.IdempotencyKey, command.Actor.Id, ct) is { } earlier)
        {
            return (earlier, hits);
        }

        var now = clock.GetStoredUtcNow();
        var question = Question.Ask(text, hits.Select(h => h.Id).ToList(), command.Actor, now);
        db.Questions.Add(question);
        db.Publish(new QuestionAsked(Guid.CreateVersion7(now), now, question.Id, command.Actor.Id, command.Actor.Name, hits.Count));
        db.RememberCreated<Question>(command.IdempotencyKey, command.Actor.Id, question.Id, now);
        return (await db.SaveChangesOrEarlierAsync<Question>(command.IdempotencyKey, command.Actor.Id, ct) ?? question, hits);
    }
}
