using MarketingDev.Contracts.Events.Requests;
using MarketingDev.KnowledgeBase.Features.Related;
using MassTransit;

namespace MarketingDev.KnowledgeBase.Consumers;

/// <summary>Knowledge where the work is: a submitted request gets the articles worth reading before the work starts.</summary>
public sealed class RequestSubmittedConsumer(RelateArticlesHandler handler) : IConsumer<RequestSubmitted>
{
    public Task Consume(ConsumeContext<RequestSubmitted> context)
    {
        var e = context.Message;
        return handler.HandleAsync(new RelateArticles(e.RequestId, e.Key, e.Title, e.Text), context.CancellationToken);
    }
}
