using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.Metrics.Projections;
using MassTransit;

namespace MarketingDev.Metrics.Consumers;

// Events of the KnowledgeBase service: articles, searches, gaps, questions.
// Each consumer only stores its event: the event store dedupes on EventId and refolds the event's stream, inside the
// inbox transaction (one queue per event type: metrics-<event>).

public sealed class ArticlePublishedConsumer(EventStore store) : IConsumer<ArticlePublished>
{
    public Task Consume(ConsumeContext<ArticlePublished> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class ArticleRevisedConsumer(EventStore store) : IConsumer<ArticleRevised>
{
    public Task Consume(ConsumeContext<ArticleRevised> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class ArticleReviewedConsumer(EventStore store) : IConsumer<ArticleReviewed>
{
    public Task Consume(ConsumeContext<ArticleReviewed> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class ArticleDeletedConsumer(EventStore store) : IConsumer<ArticleDeleted>
{
    public Task Consume(ConsumeContext<ArticleDeleted> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class KnowledgeSearchesCountedConsumer(EventStore store) : IConsumer<KnowledgeSearchesCounted>
{
    public Task Consume(ConsumeContext<KnowledgeSearchesCounted> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class KnowledgeGapRecordedConsumer(EventStore store) : IConsumer<KnowledgeGapRecorded>
{
    public Task Consume(ConsumeContext<KnowledgeGapRecorded> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class KnowledgeGapClosedConsumer(EventStore store) : IConsumer<KnowledgeGapClosed>
{
    public Task Consume(ConsumeContext<KnowledgeGapClosed> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class QuestionAskedConsumer(EventStore store) : IConsumer<QuestionAsked>
{
    public Task Consume(ConsumeContext<QuestionAsked> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class QuestionAnsweredConsumer(EventStore store) : IConsumer<QuestionAnswered>
{
    public Task Consume(ConsumeContext<QuestionAnswered> context) => store.AppendAsync(context.Message, context.CancellationToken);
}
