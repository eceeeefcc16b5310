using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Tests;

/// <summary>What the service published: its outbox rows, relayed to RabbitMQ once dispatched.</summary>
internal static class Outbox
{
    public static Task AssertDispatchedAsync(KnowledgeFixture fixture, string eventType, string aggregateId) =>
        Eventually.ReturnsAsync(
            async () => (await fixture.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                    .Where(m => m.MessageType.Contains(eventType) && m.DispatchedAt != null).Select(m => m.Body).ToListAsync()))
                .Count(body => body.Contains(aggregateId, StringComparison.Ordinal)),
            n => n == 1, $"one {eventType} event about {aggregateId} to be dispatched");
}
