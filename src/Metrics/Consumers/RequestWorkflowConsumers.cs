using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Metrics.Data;
using MassTransit;

namespace MarketingDev.Metrics.Consumers;

/// <summary>
/// Follows a request through its workflow. Events can overtake each other across queues; one that arrives before the
/// request's RequestDrafted throws, and the retry (then redelivery) brings it back once the record exists.
/// </summary>
public sealed class RequestSubmittedConsumer(MetricsDbContext db) : IConsumer<RequestSubmitted>
{
    public async Task Consume(ConsumeContext<RequestSubmitted> context)
    {
        (await db.RequestRecordAsync(context.Message.RequestId, context.CancellationToken)).Submitted(context.Message.OccurredAt);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RequestStatusChangedConsumer(MetricsDbContext db) : IConsumer<RequestStatusChanged>
{
    public async Task Consume(ConsumeContext<RequestStatusChanged> context)
    {
        (await db.RequestRecordAsync(context.Message.RequestId, context.CancellationToken)).StatusChanged(context.Message.Kind);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RequestDeliveredConsumer(MetricsDbContext db) : IConsumer<RequestDelivered>
{
    public async Task Consume(ConsumeContext<RequestDelivered> context)
    {
        var e = context.Message;
        (await db.RequestRecordAsync(e.RequestId, context.CancellationToken)).Delivered(e.OccurredAt, e.EstimateDays, e.ActualDays);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class ClarificationRequestedConsumer(MetricsDbContext db) : IConsumer<ClarificationRequested>
{
    public async Task Consume(ConsumeContext<ClarificationRequested> context)
    {
        (await db.RequestRecordAsync(context.Message.RequestId, context.CancellationToken)).ClarificationAsked();
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RoadblockRaisedConsumer(MetricsDbContext db) : IConsumer<RoadblockRaised>
{
    public async Task Consume(ConsumeContext<RoadblockRaised> context)
    {
        (await db.RequestRecordAsync(context.Message.RequestId, context.CancellationToken)).RoadblockRaised();
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>Counts bugs against delivered requests: the post-launch bug rate. Bugs without a request are not about a delivery.</summary>
public sealed class BugReportedConsumer(MetricsDbContext db) : IConsumer<BugReported>
{
    public async Task Consume(ConsumeContext<BugReported> context)
    {
        var e = context.Message;
        if (e.RequestId is { } requestId)
        {
            (await db.RequestRecordAsync(requestId, context.CancellationToken)).BugReported(e.RequestDeliveredAt, e.OccurredAt);
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
