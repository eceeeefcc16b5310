using MarketingDev.SyncMeetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.SyncMeetings.Data.Configurations;

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.ToTable("initiatives");
        builder.HasKey(i => i.RequestId);
        builder.Property(i => i.RequestId).HasColumnName("request_id").ValueGeneratedNever();
        builder.Property(i => i.Key).HasColumnName("key").HasMaxLength(40);
        builder.Property(i => i.Title).HasColumnName("title").HasMaxLength(200);
        builder.Property(i => i.Priority).HasColumnName("priority").HasMaxLength(10);
        builder.Property(i => i.LaunchDate).HasColumnName("launch_date");
        builder.Property(i => i.KnownSince).HasColumnName("known_since");
        builder.HasIndex(i => i.LaunchDate);
    }
}
