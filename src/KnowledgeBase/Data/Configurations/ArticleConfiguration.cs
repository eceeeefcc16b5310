using MarketingDev.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.KnowledgeBase.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("articles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.Title).HasColumnName("title").HasMaxLength(200);
        builder.Property(a => a.Category).HasColumnName("category").HasMaxLength(100);
        builder.Property(a => a.BodyMarkdown).HasColumnName("body_markdown");
        builder.Property(a => a.Author).HasColumnName("author").HasMaxLength(200);
        builder.Property(a => a.Revision).HasColumnName("revision");
        builder.Property(a => a.PublishedAt).HasColumnName("published_at");
    }
}
