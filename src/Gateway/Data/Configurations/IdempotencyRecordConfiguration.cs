using MarketingDev.Gateway.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Gateway.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.ClientId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        // The convention would say e_tag; the column predates it, and a rename would break replicas still running.
        builder.Property(r => r.ETag).HasColumnName("etag").HasMaxLength(200);
        builder.HasIndex(r => r.ExpiresAt);
    }
}
