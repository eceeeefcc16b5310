using FluentValidation;
using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Questions;

public sealed record AnswerQuestion(string Id, string Answer, bool PromoteToFaq, Actor Actor);

public sealed class AnswerQuestionValidator : AbstractValidator<AnswerQuestion>
{
    public AnswerQuestionValidator()
    {
        RuleFor(a => a.Answer).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("The answer is required.")
            .MaximumLength(20_000).Must(ArticleInputValidator.NoNul).WithMessage(ArticleInputValidator.NulMessage);
    }
}

/// <summary>
/// Developers, leads and admins answer once. Promoting the answer publishes it as a faq article (the question as its
/// title) in the same transaction, which may in turn close the gaps it answers.
/// </summary>
public sealed class AnswerQuestionHandler(
    KnowledgeDbContext db, ArticleWriter writer, IValidator<AnswerQuestion> validator, IValidator<ArticleInput> articleValidator, TimeProvider clock)
{
    public async Task<Question> HandleAsync(AnswerQuestion command, CancellationToken ct)
    {
        Writers.EnsureMayWrite(command.Actor);
        await validator.ValidateOrThrowAsync(command, ct);
        var id = Writers.ParseId(command.Id, "Question");
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new NotFoundException("Question", command.Id);
        if (question.Status == QuestionStatus.Answered)
        {
            throw new ConflictException("The question has already been answered.");
        }

        var now = clock.GetStoredUtcNow();
        Article? faq = null;
        if (command.PromoteToFaq)
        {
            var title = question.Text.Length <= ArticleInputValidator.TitleMax ? question.Text : question.Text[..(ArticleInputValidator.TitleMax - 1)] + "…";
            var input = new ArticleInput(ArticleKind.Faq, title, command.Answer.Trim(), ["faq"], "", null, null, null, null, null, []);
            await articleValidator.ValidateOrThrowAsync(input, ct);
            faq = writer.StagePublish(input.ToContent(), command.Actor, now);
        }

        question.Answered(command.Answer.Trim(), faq?.Id, command.Actor, now);
        db.Publish(new QuestionAnswered(Guid.CreateVersion7(now), now, question.Id, command.Actor.Id, command.Actor.Name, faq?.Id, question.AskedAt));
        if (faq is not null)
        {
            await writer.SaveAndCloseGapsAsync(faq, glossaryChanged: false, now, ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        return question;
    }
}
