using MarketingDev.Gateway.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Gateway.Data.Configurations;

internal sealed class IntegrationEventRecordConfiguration : IEntityTypeConfiguration<IntegrationEventRecord>
{
    public void Configure(EntityTypeBuilder<IntegrationEventRecord> builder)
    {
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.HasIndex(e => e.RecordedAt);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
    }
}
