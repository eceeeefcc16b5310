using MarketingDev.Gateway.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.Gateway.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(200).IsRequired();
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
    }
}
