using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MassTransit;

namespace MarketingDev.Metrics.Consumers;

public sealed class ArticlePublishedConsumer(MetricsDbContext db) : IConsumer<ArticlePublished>
{
    public async Task Consume(ConsumeContext<ArticlePublished> context)
    {
        var e = context.Message;
        db.Articles.Add(ArticleRecord.Published(e.ArticleId, e.Kind, e.OccurredAt));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
