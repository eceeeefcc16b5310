using MarketingDev.Gateway.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Gateway.Data.Configurations;

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("webhook_delivery_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.ResponseSnippet).HasMaxLength(DeliveryAttempt.MaxSnippetChars);
        builder.Property(a => a.Error).HasMaxLength(1000);
        builder.HasIndex(a => a.DeliveryId);
    }
}
