using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Glossary;
using MarketingDev.KnowledgeBase.Features.Search;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MarketingDev.KnowledgeBase.Features.Articles;

/// <summary>
/// What every new article and revision goes through: its first or next revision, its event, and — in the same
/// transaction — the open knowledge gaps it now answers are closed (the gap's query matches the stored search vector).
/// </summary>
public sealed class ArticleWriter(KnowledgeDbContext db, GlossaryIndex glossary, SearchCache searchCache, GapTally gaps, OutboxSignal signal)
{
    private const string MatchingOpenGapsSql = """
        SELECT g.id FROM knowledge_gaps g JOIN articles a ON a.id = @article
        WHERE g.status = 'Open' AND a.search_vector @@ websearch_to_tsquery('english', g.normalized_query)
        """;

    public Article StagePublish(ArticleContent content, Actor actor, DateTimeOffset now)
    {
        var (article, first) = Article.Publish(content, MarkdownRenderer.ToHtml(content.Body), actor, now);
        db.Articles.Add(article);
        db.ArticleRevisions.Add(first);
        db.Publish(new ArticlePublished(Guid.CreateVersion7(now), now, article.Id, WireName.ToWire(article.Kind), article.Title,
            article.Tags, article.OwnerTeam, article.ReviewIntervalDays, actor.Id, actor.Name));
        return article;
    }

    public void StageRevise(Article article, ArticleContent content, string changeSummary, Actor actor, DateTimeOffset now)
    {
        var revision = article.Revise(content, MarkdownRenderer.ToHtml(content.Body), actor, changeSummary, now);
        db.ArticleRevisions.Add(revision);
        db.Publish(new ArticleRevised(Guid.CreateVersion7(now), now, article.Id, WireName.ToWire(article.Kind), article.Title, article.Revision,
            article.ReviewIntervalDays, actor.Id, actor.Name, changeSummary));
    }

    /// <summary>Commits the staged changes together with the closing of every open gap the article now matches.</summary>
    public async Task SaveAndCloseGapsAsync(Article article, bool glossaryChanged, DateTimeOffset now, CancellationToken ct)
    {
        // The misses counted in memory belong in the counts the closing events carry.
        await gaps.FlushAsync(db, ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            var gapIds = await Sql.QueryAsync(db, MatchingOpenGapsSql, [new NpgsqlParameter("article", article.Id)], r => r.GetGuid(0), ct);
            if (gapIds.Count > 0)
            {
                foreach (var gap in await db.KnowledgeGaps.Where(g => gapIds.Contains(g.Id)).ToListAsync(ct))
                {
                    gap.Close(article.Id, "matched", now);
                    db.Publish(new KnowledgeGapClosed(Guid.CreateVersion7(now), now, gap.Id, gap.Query, article.Id, "matched", gap.FirstSeenAt, gap.Occurrences));
                }

                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        // Events stored inside an explicit transaction do not wake the relay by themselves (OutboxSignalInterceptor).
        signal.Notify();
        searchCache.Invalidate();
        gaps.Forget();
        if (glossaryChanged || article.Kind == ArticleKind.Glossary)
        {
            glossary.Invalidate();
        }
    }
}
