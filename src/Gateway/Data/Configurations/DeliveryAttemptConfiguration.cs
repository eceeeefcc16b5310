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
        builder.Property(a => a.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(a => a.DeliveryId).HasColumnName("delivery_id");
        builder.Property(a => a.Number).HasColumnName("number");
        builder.Property(a => a.AttemptedAt).HasColumnName("attempted_at");
        builder.Property(a => a.StatusCode).HasColumnName("status_code");
        builder.Property(a => a.LatencyMs).HasColumnName("latency_ms");
        builder.Property(a => a.ResponseSnippet).HasColumnName("response_snippet").HasMaxLength(DeliveryAttempt.MaxSnippetChars);
        builder.Property(a => a.Error).HasColumnName("error").HasMaxLength(1000);
        builder.HasIndex(a => a.DeliveryId);
    }
}
