using MarketingDev.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Requests.Data.Configurations;

internal sealed class ClarificationConfiguration : IEntityTypeConfiguration<Clarification>
{
    public void Configure(EntityTypeBuilder<Clarification> builder)
    {
        builder.ToTable("clarifications");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.RequestId).HasColumnName("request_id");
        builder.HasOne<Request>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Question).HasColumnName("question").HasMaxLength(4000);
        builder.Property(c => c.AskedBy).HasColumnName("asked_by").HasMaxLength(200);
        builder.Property(c => c.AskedAt).HasColumnName("asked_at");
        builder.Property(c => c.Answer).HasColumnName("answer").HasMaxLength(4000);
        builder.Property(c => c.AnsweredBy).HasColumnName("answered_by").HasMaxLength(200);
        builder.Property(c => c.AnsweredAt).HasColumnName("answered_at");
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => new { c.RequestId, c.AskedAt });
    }
}

internal sealed class RoadblockConfiguration : IEntityTypeConfiguration<Roadblock>
{
    public void Configure(EntityTypeBuilder<Roadblock> builder)
    {
        builder.ToTable("roadblocks");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.Seq).HasColumnName("seq").UseIdentityAlwaysColumn();
        builder.HasIndex(r => r.Seq).IsUnique();
        builder.Property(r => r.RequestId).HasColumnName("request_id");
        builder.HasOne<Request>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.RequestKey).HasColumnName("request_key").HasMaxLength(40);
        builder.Property(r => r.RequestTitle).HasColumnName("request_title").HasMaxLength(200);
        builder.Property(r => r.Description).HasColumnName("description").HasMaxLength(4000);
        builder.Property(r => r.Severity).HasColumnName("severity").HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.RaisedBy).HasColumnName("raised_by").HasMaxLength(200);
        builder.Property(r => r.RaisedAt).HasColumnName("raised_at");
        builder.Property(r => r.Resolution).HasColumnName("resolution").HasMaxLength(4000);
        builder.Property(r => r.ResolvedBy).HasColumnName("resolved_by").HasMaxLength(200);
        builder.Property(r => r.ResolvedAt).HasColumnName("resolved_at");
        builder.HasIndex(r => new { r.Status, r.Seq });
    }
}

internal sealed class BugConfiguration : IEntityTypeConfiguration<Bug>
{
    public void Configure(EntityTypeBuilder<Bug> builder)
    {
        builder.ToTable("bugs");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(b => b.Number).HasColumnName("number").ValueGeneratedNever();
        builder.HasIndex(b => b.Number).IsUnique();
        builder.Ignore(b => b.Key);
        builder.Property(b => b.RequestId).HasColumnName("request_id");
        builder.HasOne<Request>().WithMany().HasForeignKey(b => b.RequestId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(b => b.Title).HasColumnName("title").HasMaxLength(200);
        builder.Property(b => b.StepsToReproduce).HasColumnName("steps").HasJsonConversion();
        builder.Property(b => b.Expected).HasColumnName("expected").HasMaxLength(4000);
        builder.Property(b => b.Actual).HasColumnName("actual").HasMaxLength(4000);
        builder.Property(b => b.Environment).HasColumnName("environment").HasJsonConversion();
        builder.Property(b => b.Severity).HasColumnName("severity").HasConversion<string>().HasMaxLength(10);
        builder.Property(b => b.Evidence).HasColumnName("evidence").HasJsonConversion();
        builder.Property(b => b.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(10);
        builder.Property(b => b.ReportedBy).HasColumnName("reported_by").HasMaxLength(200);
        builder.Property(b => b.ReportedById).HasColumnName("reported_by_id").HasMaxLength(200);
        builder.Property(b => b.ReportedAt).HasColumnName("reported_at");
        builder.Property(b => b.UpdatedAt).HasColumnName("updated_at");
        builder.Property(b => b.Version).HasColumnName("version").IsConcurrencyToken();
        builder.HasIndex(b => new { b.RequestId, b.Number });
        builder.HasIndex(b => new { b.Status, b.Number });
    }
}
