using MarketingDev.Gateway.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Gateway.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Sequence).UseIdentityAlwaysColumn();
        builder.HasAlternateKey(d => d.Sequence);
        builder.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.EventType).HasMaxLength(100);
        builder.Property(d => d.Payload).HasColumnType("jsonb");
        builder.Property(d => d.Status).HasMaxLength(20);
        builder.Property(d => d.TraceParent).HasMaxLength(55);
        builder.HasMany(d => d.Attempts).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        // The delivery worker's claim: only pending rows, by due time.
        builder.HasIndex(d => d.NextAttemptAt).HasDatabaseName("ix_webhook_deliveries_due").HasFilter("status = 'pending'");
        builder.HasIndex(d => new { d.WebhookId, d.Sequence });
        builder.HasIndex(d => d.EventId);
    }
}
