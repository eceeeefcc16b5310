using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MassTransit;

namespace MarketingDev.Metrics.Consumers;

/// <summary>Records a drafted request. Runs inside the inbox transaction, so a redelivery adds nothing.</summary>
public sealed class RequestDraftedConsumer(MetricsDbContext db) : IConsumer<RequestDrafted>
{
    public async Task Consume(ConsumeContext<RequestDrafted> context)
    {
        var e = context.Message;
        db.Requests.Add(RequestRecord.Drafted(e.RequestId, e.Key, e.Type, e.Priority, e.LaunchDate, e.OccurredAt));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
