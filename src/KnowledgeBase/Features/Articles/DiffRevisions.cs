using FluentValidation;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Articles;

public sealed record DiffRevisions(string ArticleId, int From, int To);

public sealed class DiffRevisionsValidator : AbstractValidator<DiffRevisions>
{
    public DiffRevisionsValidator()
    {
        RuleFor(q => q.From).GreaterThanOrEqualTo(1).WithMessage("From must be a revision number (1 or more).");
        RuleFor(q => q.To).GreaterThanOrEqualTo(1).WithMessage("To must be a revision number (1 or more).");
    }
}

/// <summary>The line diff from one revision to another (either order; the same number gives no change).</summary>
public sealed class DiffRevisionsHandler(KnowledgeDbContext db, IValidator<DiffRevisions> validator)
{
    public async Task<RevisionDiffResult> HandleAsync(DiffRevisions query, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(query, ct);

        var id = Writers.ParseId(query.ArticleId, "Article");
        var revisions = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id && (r.Number == query.From || r.Number == query.To)).ToListAsync(ct);
        var from = revisions.SingleOrDefault(r => r.Number == query.From) ?? throw new NotFoundException("Revision", $"{query.ArticleId}/{query.From}");
        var to = revisions.SingleOrDefault(r => r.Number == query.To) ?? throw new NotFoundException("Revision", $"{query.ArticleId}/{query.To}");
        return RevisionDiff.Diff(from.Content, to.Content);
    }
}
