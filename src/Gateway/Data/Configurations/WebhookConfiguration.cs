using MarketingDev.Gateway.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Gateway.Data.Configurations;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.ToTable("webhooks");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(w => w.Url).HasColumnName("url").HasMaxLength(WebhookRules.MaxUrlLength);
        builder.Property(w => w.Events).HasColumnName("events");
        builder.Property(w => w.Format).HasColumnName("format").HasMaxLength(10);
        builder.Property(w => w.Description).HasColumnName("description").HasMaxLength(WebhookRules.MaxDescriptionLength);
        builder.Property(w => w.Enabled).HasColumnName("enabled");
        builder.Property(w => w.ProtectedSecret).HasColumnName("protected_secret");
        builder.Property(w => w.ProtectedPreviousSecret).HasColumnName("protected_previous_secret");
        builder.Property(w => w.PreviousSecretExpiresAt).HasColumnName("previous_secret_expires_at");
        builder.Property(w => w.ConsecutiveFailures).HasColumnName("consecutive_failures");
        builder.Property(w => w.DisabledReason).HasColumnName("disabled_reason");
        builder.Property(w => w.CreatedAt).HasColumnName("created_at");
        builder.Property(w => w.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
        builder.Property(w => w.UpdatedAt).HasColumnName("updated_at");
    }
}
