using FluentValidation;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.KnowledgeBase.Features.Glossary;

public sealed record AnnotateText(string Text);

public sealed class AnnotateTextValidator : AbstractValidator<AnnotateText>
{
    public const int TextMax = 100_000;

    public AnnotateTextValidator()
    {
        RuleFor(a => a.Text).MaximumLength(TextMax).Must(ArticleInputValidator.NoNul).WithMessage(ArticleInputValidator.NulMessage);
    }
}

/// <summary>The glossary terms (and aliases) found in any text, with their plain explanations, in one pass over it.</summary>
public sealed class AnnotateTextHandler(KnowledgeDbContext db, GlossaryIndex glossary, IValidator<AnnotateText> validator)
{
    public async Task<IReadOnlyList<GlossaryMatch>> HandleAsync(AnnotateText query, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(query, ct);
        return (await glossary.GetAsync(db, ct)).Match(query.Text);
    }
}
