using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Search;

public sealed record ResolveGap(string Id, string ArticleId, Actor Actor);

/// <summary>Closes a gap by hand, pointing at the article that answers it (when search alone does not match it).</summary>
public sealed class ResolveGapHandler(KnowledgeDbContext db, GapTally tally, TimeProvider clock)
{
    public async Task<KnowledgeGap> HandleAsync(ResolveGap command, CancellationToken ct)
    {
        Writers.EnsureMayWrite(command.Actor);
        if (!Guid.TryParse(command.ArticleId, out var articleId))
        {
            throw new InvalidInputException("#/articleId", "The id of the article that answers the gap is required.");
        }

        var gapId = Writers.ParseId(command.Id, "Gap");
        await tally.FlushAsync(db, ct);
        var gap = await db.KnowledgeGaps.SingleOrDefaultAsync(g => g.Id == gapId, ct) ?? throw new NotFoundException("Gap", command.Id);
        if (!await db.Articles.AnyAsync(a => a.Id == articleId, ct))
        {
            throw new InvalidInputException("#/articleId", $"Article '{articleId}' does not exist.");
        }

        if (gap.Status == GapStatus.Closed)
        {
            throw new ConflictException("The gap is already closed.");
        }

        var now = clock.GetStoredUtcNow();
        gap.Close(articleId, "resolved", now);
        db.Publish(new KnowledgeGapClosed(Guid.CreateVersion7(now), now, gap.Id, gap.Query, articleId, "resolved", gap.FirstSeenAt, gap.Occurrences));
        await db.SaveChangesAsync(ct);
        tally.Forget();
        return gap;
    }
}
