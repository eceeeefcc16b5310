using MarketingDev.Contracts.Events.SyncMeetings;
using MarketingDev.Metrics.Projections;
using MassTransit;

namespace MarketingDev.Metrics.Consumers;

// Events of the SyncMeetings service: meetings, action items, sessions.
// Each consumer only stores its event: the event store dedupes on EventId and refolds the event's stream, inside the
// inbox transaction (one queue per event type: metrics-<event>).

public sealed class MeetingCompletedConsumer(EventStore store) : IConsumer<MeetingCompleted>
{
    public Task Consume(ConsumeContext<MeetingCompleted> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class ActionItemAssignedConsumer(EventStore store) : IConsumer<ActionItemAssigned>
{
    public Task Consume(ConsumeContext<ActionItemAssigned> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class ActionItemCompletedConsumer(EventStore store) : IConsumer<ActionItemCompleted>
{
    public Task Consume(ConsumeContext<ActionItemCompleted> context) => store.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class SessionHeldConsumer(EventStore store) : IConsumer<SessionHeld>
{
    public Task Consume(ConsumeContext<SessionHeld> context) => store.AppendAsync(context.Message, context.CancellationToken);
}
