using FluentValidation;
using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.KnowledgeBase.Features.Search;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase.Features.Questions;

public sealed record AskQuestion(string Text, Actor Actor);

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
        var now = clock.GetStoredUtcNow();
        var question = Question.Ask(text, hits.Select(h => h.Id).ToList(), command.Actor, now);
        db.Questions.Add(question);
        db.Publish(new QuestionAsked(Guid.CreateVersion7(now), now, question.Id, command.Actor.Id, command.Actor.Name, hits.Count));
        await db.SaveChangesAsync(ct);
        return (question, hits);
    }
}
