using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Questions;

public sealed record ListQuestions(QuestionStatus? Status, int? Limit, string? Cursor);

/// <summary>Questions, newest first, a page at a time.</summary>
public sealed class ListQuestionsHandler(KnowledgeDbContext db)
{
    public async Task<(IReadOnlyList<Question> Items, string? NextCursor)> HandleAsync(ListQuestions query, CancellationToken ct)
    {
        var limit = Paging.Limit(query.Limit);
        var after = Cursor.Decode(query.Cursor);
        IQueryable<Question> questions = db.Questions.AsNoTracking();
        if (query.Status is { } status)
        {
            questions = questions.Where(q => q.Status == status);
        }

        if (after is { } seq)
        {
            questions = questions.Where(q => q.Seq < seq);
        }

        return Paging.Page(await questions.OrderByDescending(q => q.Seq).Take(limit + 1).ToListAsync(ct), limit, q => q.Seq);
    }
}
