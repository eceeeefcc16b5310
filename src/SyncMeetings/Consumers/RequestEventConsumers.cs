using MarketingDev.Contracts.Events.Requests;
using MarketingDev.SyncMeetings.Data;
using MassTransit;

namespace MarketingDev.SyncMeetings.Consumers;

/// <summary>
/// The read model of requests behind the agenda. Each consumer upserts the request's row, so an event that overtakes
/// the draft (across queues or after a retry) is applied, not lost; the row keeps the newest value of each field group.
/// Redeliveries are dropped by the inbox, which commits with the change.
/// </summary>
public sealed class RequestDraftedConsumer(MeetingsDbContext db) : IConsumer<RequestDrafted>
{
    public async Task Consume(ConsumeContext<RequestDrafted> context)
    {
        var e = context.Message;
        var request = await db.TrackedRequestAsync(e.RequestId, e.Key, context.CancellationToken);
        request.Content(e.OccurredAt, 1, e.Title, e.Type, e.Priority, e.LaunchDate);
        request.StatusIs(e.OccurredAt, "draft");
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RequestEditedConsumer(MeetingsDbContext db) : IConsumer<RequestEdited>
{
    public async Task Consume(ConsumeContext<RequestEdited> context)
    {
        var e = context.Message;
        var request = await db.TrackedRequestAsync(e.RequestId, e.Key, context.CancellationToken);
        request.Content(e.OccurredAt, e.Version, e.Title, e.Type, e.Priority, e.LaunchDate);
        request.StatusIs(e.OccurredAt, e.Status);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RequestSubmittedConsumer(MeetingsDbContext db) : IConsumer<RequestSubmitted>
{
    public async Task Consume(ConsumeContext<RequestSubmitted> context)
    {
        var e = context.Message;
        var request = await db.TrackedRequestAsync(e.RequestId, e.Key, context.CancellationToken);
        request.Content(e.OccurredAt, 0, e.Title, e.Type, e.Priority, e.LaunchDate);
        request.StatusIs(e.OccurredAt, "submitted");
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RequestStatusChangedConsumer(MeetingsDbContext db) : IConsumer<RequestStatusChanged>
{
    public async Task Consume(ConsumeContext<RequestStatusChanged> context)
    {
        var e = context.Message;
        var request = await db.TrackedRequestAsync(e.RequestId, e.Key, context.CancellationToken);
        request.Content(e.OccurredAt, 0, null, e.Type, e.Priority, e.LaunchDate);
        request.StatusIs(e.OccurredAt, e.To);
        request.EstimateSeen(e.EstimateSize, e.EstimateDays);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RequestEstimatedConsumer(MeetingsDbContext db) : IConsumer<RequestEstimated>
{
    public async Task Consume(ConsumeContext<RequestEstimated> context)
    {
        var e = context.Message;
        var request = await db.TrackedRequestAsync(e.RequestId, e.Key, context.CancellationToken);
        request.Estimated(e.OccurredAt, e.Size, e.Days, e.QuickWin);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RequestDeliveredConsumer(MeetingsDbContext db) : IConsumer<RequestDelivered>
{
    public async Task Consume(ConsumeContext<RequestDelivered> context)
    {
        var e = context.Message;
        var request = await db.TrackedRequestAsync(e.RequestId, e.Key, context.CancellationToken);
        request.Content(e.OccurredAt, 0, null, e.Type, e.Priority, e.LaunchDate);
        request.StatusIs(e.OccurredAt, "delivered");
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
