using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Search;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Related;

public sealed record RelateArticles(Guid RequestId, string RequestKey, string? Title, string? Text);

/// <summary>
/// Matches a submitted request's title and text against the articles and stages the best ones for it (a request
/// submitted again is matched again). The caller saves: the consumer's inbox transaction.
/// </summary>
public sealed class RelateArticlesHandler(KnowledgeDbContext db, TimeProvider clock)
{
    public async Task HandleAsync(RelateArticles command, CancellationToken ct)
    {
        var query = QueryNormalizer.AnyWordQuery($"{command.Title} {command.Text}");
        var hits = await ArticleSearch.RunAsync(db, ArticleSearch.Mode.AnyWord, query, null, null, RelatedArticles.Candidates, snippets: false, ct);
        var ids = RelatedArticles.Order(hits);
        var now = clock.GetStoredUtcNow();
        var existing = await db.RequestArticles.SingleOrDefaultAsync(r => r.RequestId == command.RequestId, ct);
        if (existing is null)
        {
            db.RequestArticles.Add(RequestArticles.For(command.RequestId, command.RequestKey, ids, now));
        }
        else
        {
            existing.Rematch(ids, now);
        }
    }
}
