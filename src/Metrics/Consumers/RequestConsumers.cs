using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Metrics.Projections;
using MassTransit;

namespace MarketingDev.Metrics.Consumers;

// Events of the Requests service: requests, clarifications, roadblocks, bugs.
// Each consumer only stores its event: the event store dedupes on EventId and refolds the event's stream, inside the
// inbox transaction (one queue per event type: metrics-<event>).

public sealed class RequestDraftedConsumer(EventStore store) : IConsumer<RequestDrafted>
{
    public Task Consume(ConsumeContext<RequestDrafted> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class RequestEditedConsumer(EventStore store) : IConsumer<RequestEdited>
{
    public Task Consume(ConsumeContext<RequestEdited> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class RequestSubmittedConsumer(EventStore store) : IConsumer<RequestSubmitted>
{
    public Task Consume(ConsumeContext<RequestSubmitted> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class RequestStatusChangedConsumer(EventStore store) : IConsumer<RequestStatusChanged>
{
    public Task Consume(ConsumeContext<RequestStatusChanged> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class RequestDeliveredConsumer(EventStore store) : IConsumer<RequestDelivered>
{
    public Task Consume(ConsumeContext<RequestDelivered> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class RequestEstimatedConsumer(EventStore store) : IConsumer<RequestEstimated>
{
    public Task Consume(ConsumeContext<RequestEstimated> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class ClarificationRequestedConsumer(EventStore store) : IConsumer<ClarificationRequested>
{
    public Task Consume(ConsumeContext<ClarificationRequested> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class ClarificationAnsweredConsumer(EventStore store) : IConsumer<ClarificationAnswered>
{
    public Task Consume(ConsumeContext<ClarificationAnswered> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class BugReportedConsumer(EventStore store) : IConsumer<BugReported>
{
    public Task Consume(ConsumeContext<BugReported> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class RoadblockRaisedConsumer(EventStore store) : IConsumer<RoadblockRaised>
{
    public Task Consume(ConsumeContext<RoadblockRaised> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class RoadblockResolvedConsumer(EventStore store) : IConsumer<RoadblockResolved>
{
    public Task Consume(ConsumeContext<RoadblockResolved> context) => store.AppendAsync(context.Message, context.CancellationToken);
}
