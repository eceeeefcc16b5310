using MarketingDev.Metrics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Metrics.Data.Configurations;

internal sealed class RequestRowConfiguration : IEntityTypeConfiguration<RequestRow>
{
    public void Configure(EntityTypeBuilder<RequestRow> builder)
    {
        builder.ToTable("requests");
        builder.HasKey(r => r.RequestId);
        builder.Property(r => r.RequestId).ValueGeneratedNever();
        builder.Property(r => r.Key).HasMaxLength(40);
        builder.Property(r => r.Team).HasMaxLength(100);
        builder.Property(r => r.Type).HasMaxLength(40);
        builder.Property(r => r.Priority).HasMaxLength(20);
        builder.OwnsMany(r => r.Moments, m => m.ToJson());
    }
}

internal sealed class BugRowConfiguration : IEntityTypeConfiguration<BugRow>
{
    public void Configure(EntityTypeBuilder<BugRow> builder)
    {
        builder.ToTable("bugs");
        builder.HasKey(b => b.BugId);
        builder.Property(b => b.BugId).ValueGeneratedNever();
    }
}

internal sealed class RoadblockRowConfiguration : IEntityTypeConfiguration<RoadblockRow>
{
    public void Configure(EntityTypeBuilder<RoadblockRow> builder)
    {
        builder.ToTable("roadblocks");
        builder.HasKey(b => b.RoadblockId);
        builder.Property(b => b.RoadblockId).ValueGeneratedNever();
    }
}

internal sealed class MeetingRowConfiguration : IEntityTypeConfiguration<MeetingRow>
{
    public void Configure(EntityTypeBuilder<MeetingRow> builder)
    {
        builder.ToTable("meetings");
        builder.HasKey(m => m.MeetingId);
        builder.Property(m => m.MeetingId).ValueGeneratedNever();
        builder.OwnsMany(m => m.Attendance, a => a.ToJson());
    }
}

internal sealed class ActionItemRowConfiguration : IEntityTypeConfiguration<ActionItemRow>
{
    public void Configure(EntityTypeBuilder<ActionItemRow> builder)
    {
        builder.ToTable("action_items");
        builder.HasKey(i => i.ActionItemId);
        builder.Property(i => i.ActionItemId).ValueGeneratedNever();
    }
}

internal sealed class SessionRowConfiguration : IEntityTypeConfiguration<SessionRow>
{
    public void Configure(EntityTypeBuilder<SessionRow> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.SessionId);
        builder.Property(s => s.SessionId).ValueGeneratedNever();
        builder.Property(s => s.Type).HasMaxLength(40);
        builder.OwnsMany(s => s.Attendance, a => a.ToJson());
    }
}

internal sealed class SearchCountRowConfiguration : IEntityTypeConfiguration<SearchCountRow>
{
    public void Configure(EntityTypeBuilder<SearchCountRow> builder)
    {
        builder.ToTable("search_counts");
        builder.HasKey(c => c.EventId);
        builder.Property(c => c.EventId).ValueGeneratedNever();
    }
}

internal sealed class GapRowConfiguration : IEntityTypeConfiguration<GapRow>
{
    public void Configure(EntityTypeBuilder<GapRow> builder)
    {
        builder.ToTable("gaps");
        builder.HasKey(g => g.GapId);
        builder.Property(g => g.GapId).ValueGeneratedNever();
    }
}

internal sealed class QuestionRowConfiguration : IEntityTypeConfiguration<QuestionRow>
{
    public void Configure(EntityTypeBuilder<QuestionRow> builder)
    {
        builder.ToTable("questions");
        builder.HasKey(q => q.QuestionId);
        builder.Property(q => q.QuestionId).ValueGeneratedNever();
    }
}

internal sealed class ArticleRowConfiguration : IEntityTypeConfiguration<ArticleRow>
{
    public void Configure(EntityTypeBuilder<ArticleRow> builder)
    {
        builder.ToTable("articles");
        builder.HasKey(a => a.ArticleId);
        builder.Property(a => a.ArticleId).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasMaxLength(40);
    }
}
