using MassTransit;

namespace MarketingDev.Contracts.Events;

/// <summary>
/// What every integration event carries. Excluded from the broker topology so that subscribing to one event never
/// binds a queue to all of them.
/// </summary>
[ExcludeFromTopology]
public interface IIntegrationEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
}
