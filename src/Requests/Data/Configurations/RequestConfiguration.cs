using MarketingDev.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Requests.Data.Configurations;

internal sealed class RequestConfiguration : IEntityTypeConfiguration<Request>
{
    public void Configure(EntityTypeBuilder<Request> builder)
    {
        builder.ToTable("requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.Number).HasColumnName("number").ValueGeneratedNever();
        builder.HasIndex(r => r.Number).IsUnique();
        builder.Ignore(r => r.Key);
        builder.Ignore(r => r.Content);
        builder.Property(r => r.Title).HasColumnName("title").HasMaxLength(200).IsRequired();
        builder.Property(r => r.Type).HasColumnName("type").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Priority).HasColumnName("priority").HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.LaunchDate).HasColumnName("launch_date");
        builder.Property(r => r.Team).HasColumnName("team").HasMaxLength(100);
        builder.Property(r => r.Requester).HasColumnName("requester").HasMaxLength(200).IsRequired();
        builder.Property(r => r.Details).HasColumnName("details").HasJsonConversion();
        builder.Property(r => r.Estimate).HasColumnName("estimate").HasJsonConversion();
        builder.Property(r => r.QuickWin).HasColumnName("quick_win");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        builder.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
        builder.HasIndex(r => new { r.Status, r.Number });
        builder.HasIndex(r => r.LaunchDate);
    }
}
