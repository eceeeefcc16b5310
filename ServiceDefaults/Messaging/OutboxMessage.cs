using System.Text.Json;
using MarketingDev.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.ServiceDefaults.Messaging;

/// <summary>An integration event stored in the same transaction as the change that caused it, until it is published.</summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public long Id { get; private set; }
    public Guid MessageId { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; internal set; }
    public int Attempts { get; internal set; }
    public string? LastError { get; internal set; }

    /// <summary>The W3C traceparent of the call that stored the event, so its consumers join the same trace.</summary>
    public string? TraceParent { get; private set; }

    public static OutboxMessage From<TEvent>(TEvent integrationEvent) where TEvent : class, IIntegrationEvent => new()
    {
        // The event id doubles as the broker message id, which is what the consumers' inbox de-duplicates on.
        MessageId = integrationEvent.EventId,
        MessageType = EventTypes.WireName(typeof(TEvent)),
        Body = JsonSerializer.Serialize(integrationEvent, Json),
        OccurredAt = integrationEvent.OccurredAt,
        TraceParent = MessageTracing.CurrentTraceParent(),
    };

    internal (object Message, Type Type) Deserialize()
    {
        var type = EventTypes.Resolve(MessageType);
        return (JsonSerializer.Deserialize(Body, type, Json)!, type);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(m => m.MessageId).HasColumnName("message_id");
        builder.Property(m => m.MessageType).HasColumnName("message_type").IsRequired();
        builder.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb").IsRequired();
        builder.Property(m => m.OccurredAt).HasColumnName("occurred_at");
        builder.Property(m => m.DispatchedAt).HasColumnName("dispatched_at");
        builder.Property(m => m.Attempts).HasColumnName("attempts");
        builder.Property(m => m.LastError).HasColumnName("last_error");
        builder.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(55);
        builder.HasIndex(m => m.MessageId).IsUnique();
        // The relay only ever looks for what is still to be sent.
        builder.HasIndex(m => m.Id).HasDatabaseName("ix_outbox_messages_pending").HasFilter("dispatched_at IS NULL");
    }
}
