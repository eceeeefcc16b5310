using MarketingDev.Metrics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Metrics.Data.Configurations;

internal sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    public void Configure(EntityTypeBuilder<StoredEvent> builder)
    {
        builder.ToTable("stored_events");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.StreamKind).HasMaxLength(20);
        builder.HasIndex(e => new { e.StreamId, e.Sequence });
        builder.HasIndex(e => new { e.OccurredAt, e.Sequence });
        builder.Property(e => e.Body).HasColumnType("jsonb");
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("survey_responses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Function).HasMaxLength(20);
        builder.Property(r => r.Comment).HasMaxLength(2000);
        builder.HasIndex(r => r.RecordedAt);
    }
}

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> builder)
    {
        builder.ToTable("outcomes");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Kpi).HasMaxLength(200);
        builder.Property(o => o.RecordedBy).HasMaxLength(200);
        builder.HasIndex(o => o.MeasuredAt);
    }
}

internal sealed class BaselineConfiguration : IEntityTypeConfiguration<BaselinePeriod>
{
    public void Configure(EntityTypeBuilder<BaselinePeriod> builder)
    {
        builder.ToTable("baseline");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.SetBy).HasMaxLength(200);
    }
}

internal sealed class InputsVersionConfiguration : IEntityTypeConfiguration<InputsVersion>
{
    public void Configure(EntityTypeBuilder<InputsVersion> builder)
    {
        builder.ToTable("inputs_version");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new InputsVersion { Id = InputsVersion.SingletonId, Value = 0 });
    }
}

internal sealed class InputsChangeConfiguration : IEntityTypeConfiguration<InputsChange>
{
    public void Configure(EntityTypeBuilder<InputsChange> builder)
    {
        builder.ToTable("inputs_changes");
        builder.HasKey(c => c.Version);
        builder.Property(c => c.Version).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasMaxLength(20);
    }
}
