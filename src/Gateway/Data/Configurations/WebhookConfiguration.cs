using MarketingDev.Gateway.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Gateway.Data.Configurations;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Url).HasMaxLength(WebhookRules.MaxUrlLength);
        builder.Property(w => w.Format).HasMaxLength(10);
        builder.Property(w => w.Description).HasMaxLength(WebhookRules.MaxDescriptionLength);
        builder.Property(w => w.CreatedBy).HasMaxLength(200);
    }
}
