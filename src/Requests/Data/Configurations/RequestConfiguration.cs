using MarketingDev.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Requests.Data.Configurations;

internal sealed class RequestConfiguration : IEntityTypeConfiguration<Request>
{
    public const string IdempotencyKeyIndex = "ix_requests_idempotency_key";

    public void Configure(EntityTypeBuilder<Request> builder)
    {
        builder.ToTable("requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.Number).HasColumnName("number").ValueGeneratedNever();
        builder.HasIndex(r => r.Number).IsUnique();
        builder.Property(r => r.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(64);
        builder.HasIndex(r => r.IdempotencyKey).IsUnique().HasDatabaseName(IdempotencyKeyIndex).HasFilter("idempotency_key IS NOT NULL");
        builder.Ignore(r => r.Key);
        builder.Ignore(r => r.Content);
        builder.Property(r => r.Title).HasColumnName("title").HasMaxLength(200).IsRequired();
        builder.Property(r => r.Type).HasColumnName("type").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Priority).HasColumnName("priority").HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.LaunchDate).HasColumnName("launch_date");
        builder.Property(r => r.Team).HasColumnName("team").HasMaxLength(100);
        builder.Property(r => r.Requester).HasColumnName("requester").HasMaxLength(200).IsRequired();
        builder.Property(r => r.RequesterId).HasColumnName("requester_id").HasMaxLength(200).IsRequired();
        builder.Property(r => r.Details).HasColumnName("details").HasJsonConversion();
        builder.Property(r => r.Estimate).HasColumnName("estimate").HasJsonConversion();
        builder.Property(r => r.QuickWin).HasColumnName("quick_win");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(r => r.StartedAt).HasColumnName("started_at");
        builder.Property(r => r.DeliveredAt).HasColumnName("delivered_at");
        builder.Ignore(r => r.IsClosed);
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        builder.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
        builder.HasIndex(r => new { r.Status, r.Number });
        builder.HasIndex(r => r.LaunchDate);
        builder.Property(r => r.SearchText).HasColumnName("search_text")
            .HasComputedColumnSql(
                "title || ' ' || coalesce(details #>> '{userStory,asA}', '') || ' ' || coalesce(details #>> '{userStory,iWant}', '') || ' ' || coalesce(details #>> '{userStory,soThat}', '')",
                stored: true);
    }
}

internal sealed class RequestChangeConfiguration : IEntityTypeConfiguration<RequestChange>
{
    public void Configure(EntityTypeBuilder<RequestChange> builder)
    {
        builder.ToTable("request_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(c => c.RequestId).HasColumnName("request_id");
        builder.HasOne<Request>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RequestId, c.Id });
        builder.Property(c => c.At).HasColumnName("at");
        builder.Property(c => c.Actor).HasColumnName("actor").HasMaxLength(200);
        builder.Property(c => c.ActorId).HasColumnName("actor_id").HasMaxLength(200);
        builder.Property(c => c.Action).HasColumnName("action").HasMaxLength(40);
        builder.Property(c => c.FromStatus).HasColumnName("from_status").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ToStatus).HasColumnName("to_status").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reason).HasColumnName("reason").HasMaxLength(2000);
        builder.Property(c => c.Version).HasColumnName("version");
    }
}
