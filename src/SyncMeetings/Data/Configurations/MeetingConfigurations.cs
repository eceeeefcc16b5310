using MarketingDev.SyncMeetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.SyncMeetings.Data.Configurations;

internal sealed class SyncSeriesConfiguration : IEntityTypeConfiguration<SyncSeries>
{
    public void Configure(EntityTypeBuilder<SyncSeries> builder)
    {
        builder.ToTable("series");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Weekday).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.CreatedById).HasMaxLength(200);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Sequence);
        builder.Ignore(s => s.AgendaSettings);
        builder.OwnsMany(s => s.Sections, b =>
        {
            b.ToJson();
            b.Property(x => x.Section).HasConversion<string>();
        });
        builder.OwnsMany(s => s.Participants, b =>
        {
            b.ToJson();
            b.Property(x => x.Function).HasConversion<string>();
        });
        builder.HasIndex(s => s.CreatedAt);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<SyncSeries>().WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.SeriesId, m.Date }).IsUnique();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(m => m.AgendaDocument).HasColumnType("jsonb");
        builder.Property(m => m.Summary).HasMaxLength(8000);
        builder.Property(m => m.CreatedBy).HasMaxLength(200);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Agenda);
        builder.OwnsMany(m => m.Notes, b =>
        {
            b.ToJson();
            b.Property(x => x.Kind).HasConversion<string>();
        });
        builder.OwnsMany(m => m.Attendees, b =>
        {
            b.ToJson();
            b.Property(x => x.Function).HasConversion<string>();
        });
        builder.OwnsMany(m => m.SectionActuals, b =>
        {
            b.ToJson();
            b.Property(x => x.Section).HasConversion<string>();
        });
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("action_items");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.AssignedById).HasMaxLength(200);
        builder.Property(a => a.CompletedById).HasMaxLength(200);
        builder.Property(a => a.CompletedBy).HasMaxLength(200);
        builder.HasIndex(a => new { a.SeriesId, a.Status });
        builder.HasIndex(a => new { a.Owner, a.Status });
    }
}

internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.ToTable("ideas");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<SyncSeries>().WithMany().HasForeignKey(i => i.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Text).HasMaxLength(2000);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.ById).HasMaxLength(200);
        builder.Property(i => i.By).HasMaxLength(200);
        builder.HasIndex(i => new { i.SeriesId, i.Status, i.CreatedAt });
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Presenter).HasMaxLength(200);
        builder.Property(s => s.PresenterFunction).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.RecordedById).HasMaxLength(200);
        builder.OwnsMany(s => s.Attendees, b =>
        {
            b.ToJson();
            b.Property(x => x.Function).HasConversion<string>();
        });
        builder.HasIndex(s => new { s.Date, s.Type });
        builder.HasIndex(s => s.RequestId);
    }
}

internal sealed class TrackedRequestConfiguration : IEntityTypeConfiguration<TrackedRequest>
{
    public void Configure(EntityTypeBuilder<TrackedRequest> builder)
    {
        builder.ToTable("requests");
        builder.HasKey(r => r.RequestId);
        builder.Property(r => r.RequestId).ValueGeneratedNever();
        builder.Property(r => r.Key).HasMaxLength(40);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Type).HasMaxLength(20);
        builder.Property(r => r.Priority).HasMaxLength(10);
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.Property(r => r.EstimateSize).HasMaxLength(4);
        builder.HasIndex(r => r.LaunchDate);
    }
}

internal sealed class TrackedRoadblockConfiguration : IEntityTypeConfiguration<TrackedRoadblock>
{
    public void Configure(EntityTypeBuilder<TrackedRoadblock> builder)
    {
        builder.ToTable("roadblocks");
        builder.HasKey(r => r.RoadblockId);
        builder.Property(r => r.RoadblockId).ValueGeneratedNever();
        builder.Property(r => r.RequestKey).HasMaxLength(40);
        builder.Property(r => r.RequestTitle).HasMaxLength(200);
        builder.Property(r => r.Description).HasMaxLength(4000);
        builder.Property(r => r.Severity).HasMaxLength(10);
        builder.Property(r => r.RaisedBy).HasMaxLength(200);
        builder.HasIndex(r => r.ResolvedAt);
    }
}
