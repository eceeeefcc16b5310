using MarketingDev.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Requests.Data.Configurations;

internal sealed class ClarificationConfiguration : IEntityTypeConfiguration<Clarification>
{
    public void Configure(EntityTypeBuilder<Clarification> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Request>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Question).HasMaxLength(4000);
        builder.Property(c => c.AskedBy).HasMaxLength(200);
        builder.Property(c => c.Answer).HasMaxLength(4000);
        builder.Property(c => c.AnsweredBy).HasMaxLength(200);
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => new { c.RequestId, c.AskedAt });
    }
}

internal sealed class RoadblockConfiguration : IEntityTypeConfiguration<Roadblock>
{
    public void Configure(EntityTypeBuilder<Roadblock> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Seq).UseIdentityAlwaysColumn();
        builder.HasIndex(r => r.Seq).IsUnique();
        builder.HasOne<Request>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.RequestKey).HasMaxLength(40);
        builder.Property(r => r.RequestTitle).HasMaxLength(200);
        builder.Property(r => r.Description).HasMaxLength(4000);
        builder.Property(r => r.Severity).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.RaisedBy).HasMaxLength(200);
        builder.Property(r => r.Resolution).HasMaxLength(4000);
        builder.Property(r => r.ResolvedBy).HasMaxLength(200);
        builder.HasIndex(r => new { r.Status, r.Seq });
    }
}

internal sealed class BugConfiguration : IEntityTypeConfiguration<Bug>
{
    public void Configure(EntityTypeBuilder<Bug> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Number).ValueGeneratedNever();
        builder.HasIndex(b => b.Number).IsUnique();
        builder.Ignore(b => b.Key);
        builder.HasOne<Request>().WithMany().HasForeignKey(b => b.RequestId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(b => b.Title).HasMaxLength(200);
        builder.Property(b => b.StepsToReproduce).HasColumnName("steps").HasJsonConversion();
        builder.Property(b => b.Expected).HasMaxLength(4000);
        builder.Property(b => b.Actual).HasMaxLength(4000);
        builder.Property(b => b.Environment).HasJsonConversion();
        builder.Property(b => b.Severity).HasConversion<string>().HasMaxLength(10);
        builder.Property(b => b.Evidence).HasJsonConversion();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(b => b.ReportedBy).HasMaxLength(200);
        builder.Property(b => b.ReportedById).HasMaxLength(200);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.RequestId, b.Number });
        builder.HasIndex(b => new { b.Status, b.Number });
    }
}
