using MarketingDev.Gateway.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Gateway.Data.Configurations;

internal sealed class IntegrationEventRecordConfiguration : IEntityTypeConfiguration<IntegrationEventRecord>
{
    public void Configure(EntityTypeBuilder<IntegrationEventRecord> builder)
    {
        builder.ToTable("integration_events");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
        builder.Property(e => e.EventId).HasColumnName("event_id");
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.Property(e => e.Type).HasColumnName("type").HasMaxLength(100);
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.Property(e => e.RecordedAt).HasColumnName("recorded_at");
        builder.HasIndex(e => e.RecordedAt);
        builder.Property(e => e.Payload).HasColumnName("payload").HasColumnType("jsonb");
    }
}
