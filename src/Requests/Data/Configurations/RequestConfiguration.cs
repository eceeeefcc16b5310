using MarketingDev.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Requests.Data.Configurations;

internal sealed class RequestConfiguration : IEntityTypeConfiguration<Request>
{
    public const string IdempotencyKeyIndex = "ix_requests_idempotency_key";

    public void Configure(EntityTypeBuilder<Request> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Number).ValueGeneratedNever();
        builder.HasIndex(r => r.Number).IsUnique();
        builder.Property(r => r.IdempotencyKey).HasMaxLength(64);
        builder.HasIndex(r => r.IdempotencyKey).IsUnique().HasDatabaseName(IdempotencyKeyIndex).HasFilter("idempotency_key IS NOT NULL");
        builder.Ignore(r => r.Key);
        builder.Ignore(r => r.Content);
        builder.Property(r => r.Title).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Priority).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Team).HasMaxLength(100);
        builder.Property(r => r.Requester).HasMaxLength(200).IsRequired();
        builder.Property(r => r.RequesterId).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Details).HasJsonConversion();
        builder.Property(r => r.Estimate).HasJsonConversion();
        builder.Ignore(r => r.IsClosed);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Status, r.Number });
        builder.HasIndex(r => r.LaunchDate);
        builder.Property(r => r.SearchText)
            .HasComputedColumnSql(
                "title || ' ' || coalesce(details #>> '{userStory,asA}', '') || ' ' || coalesce(details #>> '{userStory,iWant}', '') || ' ' || coalesce(details #>> '{userStory,soThat}', '')",
                stored: true);
    }
}

internal sealed class RequestChangeConfiguration : IEntityTypeConfiguration<RequestChange>
{
    public void Configure(EntityTypeBuilder<RequestChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).UseIdentityAlwaysColumn();
        builder.HasOne<Request>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RequestId, c.Id });
        builder.Property(c => c.Actor).HasMaxLength(200);
        builder.Property(c => c.ActorId).HasMaxLength(200);
        builder.Property(c => c.Action).HasMaxLength(40);
        builder.Property(c => c.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reason).HasMaxLength(2000);
    }
}
