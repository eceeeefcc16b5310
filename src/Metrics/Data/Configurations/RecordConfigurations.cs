using MarketingDev.Metrics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Metrics.Data.Configurations;

internal sealed class RequestRecordConfiguration : IEntityTypeConfiguration<RequestRecord>
{
    public void Configure(EntityTypeBuilder<RequestRecord> builder)
    {
        builder.ToTable("requests");
        builder.HasKey(r => r.RequestId);
        builder.Property(r => r.RequestId).HasColumnName("request_id").ValueGeneratedNever();
        builder.Property(r => r.Key).HasColumnName("key").HasMaxLength(40);
        builder.Property(r => r.Type).HasColumnName("type").HasMaxLength(20);
        builder.Property(r => r.Priority).HasColumnName("priority").HasMaxLength(10);
        builder.Property(r => r.LaunchDate).HasColumnName("launch_date");
        builder.Property(r => r.DraftedAt).HasColumnName("drafted_at");
        builder.HasIndex(r => r.DraftedAt);
        builder.Property(r => r.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(r => r.DeliveredAt).HasColumnName("delivered_at");
        builder.Property(r => r.Returns).HasColumnName("returns");
        builder.Property(r => r.Reopens).HasColumnName("reopens");
        builder.Property(r => r.EstimateDays).HasColumnName("estimate_days");
        builder.Property(r => r.Clarifications).HasColumnName("clarifications");
        builder.Property(r => r.Roadblocks).HasColumnName("roadblocks");
        builder.Property(r => r.PostLaunchBugs).HasColumnName("post_launch_bugs");
        // Events about one request arrive on several queues at once: a concurrent update fails and its message is
        // retried (inbox row included, the transaction rolls back) instead of overwriting the other one's count.
        builder.Property<uint>("xmin").HasColumnName("xmin").IsRowVersion();
        builder.Property(r => r.ActualDays).HasColumnName("actual_days");
    }
}

internal sealed class ArticleRecordConfiguration : IEntityTypeConfiguration<ArticleRecord>
{
    public void Configure(EntityTypeBuilder<ArticleRecord> builder)
    {
        builder.ToTable("articles");
        builder.HasKey(a => a.ArticleId);
        builder.Property(a => a.ArticleId).HasColumnName("article_id").ValueGeneratedNever();
        builder.Property(a => a.Category).HasColumnName("category").HasMaxLength(100);
        builder.Property(a => a.PublishedAt).HasColumnName("published_at");
        builder.HasIndex(a => a.PublishedAt);
    }
}
