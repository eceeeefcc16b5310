using MarketingDev.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace MarketingDev.KnowledgeBase.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    /// <summary>
    /// The weighted document search ranks: title (A) over the structured fields, glossary terms and aliases (B) over
    /// the body (C). Stored, so a search reads it from the GIN index instead of parsing 5 KB of Markdown per row.
    /// </summary>
    public const string SearchVectorSql =
        "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || " +
        "setweight(to_tsvector('english'::regconfig, coalesce(search_fields, '')), 'B') || " +
        "setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')";

    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("articles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Seq).UseIdentityAlwaysColumn();
        builder.HasIndex(a => a.Seq).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.OwnerTeam).HasMaxLength(100);
        builder.Property(a => a.CreatedById).HasMaxLength(200);
        builder.Property(a => a.CreatedByName).HasMaxLength(200);
        builder.Property(a => a.UpdatedById).HasMaxLength(200);
        builder.Property(a => a.UpdatedByName).HasMaxLength(200);
        builder.Property(a => a.LastReviewedById).HasMaxLength(200);
        builder.Property(a => a.LastReviewedByName).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.OwnsOne(a => a.Data, ArticleDataMapping.Configure);
        builder.Property<NpgsqlTsVector>("SearchVector").HasComputedColumnSql(SearchVectorSql, stored: true);
        builder.HasIndex("SearchVector").HasMethod("gin");
        builder.HasIndex(a => a.Title).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_articles_title_trgm");
        builder.HasIndex(a => a.Tags).HasMethod("gin");
        builder.HasIndex(a => new { a.Kind, a.Seq });
        builder.HasIndex(a => a.ReviewDueAt);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.ToTable("article_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).UseIdentityAlwaysColumn();
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.OwnerTeam).HasMaxLength(100);
        builder.Property(r => r.AuthorId).HasMaxLength(200);
        builder.Property(r => r.AuthorName).HasMaxLength(200);
        builder.Property(r => r.ChangeSummary).HasMaxLength(500);
        builder.OwnsOne(r => r.Data, ArticleDataMapping.Configure);
        builder.Ignore(r => r.Content);
    }
}

/// <summary>The structured part as one jsonb document (EF Core JSON mapping), enums by name.</summary>
internal static class ArticleDataMapping
{
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, ArticleData> data) where TOwner : class
    {
        data.ToJson("data");
        data.OwnsOne(d => d.TechStack, t => t.Property(x => x.Category).HasConversion<string>());
        data.OwnsOne(d => d.ApiDoc, a =>
        {
            a.Property(x => x.Auth).HasConversion<string>();
            a.OwnsOne(x => x.RateLimit);
            a.OwnsMany(x => x.Endpoints);
        });
        data.OwnsOne(d => d.DataSchema, s => s.OwnsMany(x => x.Fields, f => f.Property(x => x.Access).HasConversion<string>()));
        data.OwnsOne(d => d.Glossary, g => g.Property(x => x.Side).HasConversion<string>());
    }
}
