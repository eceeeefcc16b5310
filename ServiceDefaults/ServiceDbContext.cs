using MarketingDev.Contracts.Events;
using MarketingDev.ServiceDefaults.Idempotency;
using MarketingDev.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.ServiceDefaults;

/// <summary>
/// The base of every service's DbContext: it owns the outbox and inbox tables so that a change and the events it
/// causes commit in one transaction, and a redelivered event is recognised; and the idempotency keys of creating calls,
/// stored with what they created (IdempotentCreation).
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();

    /// <summary>Stores an integration event with the pending changes; the outbox relay publishes it after commit.</summary>
    public void Publish<TEvent>(TEvent integrationEvent) where TEvent : class, IIntegrationEvent =>
        OutboxMessages.Add(OutboxMessage.From(integrationEvent));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyKeyConfiguration());
    }
}
