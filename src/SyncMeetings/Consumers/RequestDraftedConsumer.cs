using MarketingDev.Contracts.Events.Requests;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using MassTransit;

namespace MarketingDev.SyncMeetings.Consumers;

/// <summary>Every drafted request becomes an initiative the agenda can consider once its launch date is near.</summary>
public sealed class RequestDraftedConsumer(MeetingsDbContext db) : IConsumer<RequestDrafted>
{
    public async Task Consume(ConsumeContext<RequestDrafted> context)
    {
        var e = context.Message;
        db.Initiatives.Add(Initiative.FromDraft(e.RequestId, e.Key, e.Title, e.Priority, e.LaunchDate, e.OccurredAt));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
