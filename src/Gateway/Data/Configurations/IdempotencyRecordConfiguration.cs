using MarketingDev.Gateway.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Gateway.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.ClientId, r.Key });
        builder.Property(r => r.ClientId).HasColumnName("client_id");
        builder.Property(r => r.Key).HasColumnName("key").HasMaxLength(255);
        builder.Property(r => r.Fingerprint).HasColumnName("fingerprint").HasMaxLength(64);
        builder.Property(r => r.Completed).HasColumnName("completed");
        builder.Property(r => r.StatusCode).HasColumnName("status_code");
        builder.Property(r => r.ContentType).HasColumnName("content_type").HasMaxLength(200);
        builder.Property(r => r.Location).HasColumnName("location").HasMaxLength(2000);
        builder.Property(r => r.ETag).HasColumnName("etag").HasMaxLength(200);
        builder.Property(r => r.Body).HasColumnName("body");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.ExpiresAt).HasColumnName("expires_at");
        builder.HasIndex(r => r.ExpiresAt);
    }
}
