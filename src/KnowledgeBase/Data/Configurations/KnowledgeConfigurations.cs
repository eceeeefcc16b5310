using MarketingDev.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MarketingDev.KnowledgeBase.Data.Configurations;

internal sealed class KnowledgeGapConfiguration : IEntityTypeConfiguration<KnowledgeGap>
{
    public void Configure(EntityTypeBuilder<KnowledgeGap> builder)
    {
        builder.ToTable("knowledge_gaps");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.NormalizedQuery).HasMaxLength(200);
        builder.Property(g => g.Query).HasMaxLength(200);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(g => g.ClosedHow).HasMaxLength(20);
        // One open gap per normalised query: concurrent misses of the same query meet in one upsert.
        builder.HasIndex(g => g.NormalizedQuery).IsUnique().HasFilter("status = 'Open'").HasDatabaseName("ux_knowledge_gaps_open_query");
        builder.HasIndex(g => new { g.Status, g.Occurrences });
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("questions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Seq).UseIdentityAlwaysColumn();
        builder.HasIndex(q => q.Seq).IsUnique();
        builder.Property(q => q.Text).HasMaxLength(2000);
        builder.Property(q => q.AskedById).HasMaxLength(200);
        builder.Property(q => q.AskedByName).HasMaxLength(200);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(q => q.Answer).HasMaxLength(20_000);
        builder.Property(q => q.AnsweredById).HasMaxLength(200);
        builder.Property(q => q.AnsweredByName).HasMaxLength(200);
        builder.HasIndex(q => new { q.Status, q.Seq });
    }
}

internal sealed class RequestArticlesConfiguration : IEntityTypeConfiguration<RequestArticles>
{
    public void Configure(EntityTypeBuilder<RequestArticles> builder)
    {
        builder.ToTable("request_articles");
        builder.HasKey(r => r.RequestId);
        builder.Property(r => r.RequestId).ValueGeneratedNever();
        builder.Property(r => r.RequestKey).HasMaxLength(40);
    }
}
