using MarketingDev.Gateway.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Gateway.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
        builder.HasAlternateKey(d => d.Sequence);
        builder.Property(d => d.WebhookId).HasColumnName("webhook_id");
        builder.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.EventId).HasColumnName("event_id");
        builder.Property(d => d.EventType).HasColumnName("event_type").HasMaxLength(100);
        builder.Property(d => d.OccurredAt).HasColumnName("occurred_at");
        builder.Property(d => d.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(d => d.Status).HasColumnName("status").HasMaxLength(20);
        builder.Property(d => d.AttemptCount).HasColumnName("attempt_count");
        builder.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
        builder.Property(d => d.GiveUpAt).HasColumnName("give_up_at");
        builder.Property(d => d.CompletedAt).HasColumnName("completed_at");
        builder.Property(d => d.LastError).HasColumnName("last_error");
        builder.Property(d => d.ReplayOf).HasColumnName("replay_of");
        builder.Property(d => d.TraceParent).HasColumnName("trace_parent").HasMaxLength(55);
        builder.HasMany(d => d.Attempts).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        // The delivery worker's claim: only pending rows, by due time.
        builder.HasIndex(d => d.NextAttemptAt).HasDatabaseName("ix_webhook_deliveries_due").HasFilter("status = 'pending'");
        builder.HasIndex(d => new { d.WebhookId, d.Sequence });
        builder.HasIndex(d => d.EventId);
    }
}
