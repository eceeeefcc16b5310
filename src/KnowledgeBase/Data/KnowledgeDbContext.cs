using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Data;

public sealed class KnowledgeDbContext(DbContextOptions<KnowledgeDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<KnowledgeGap> KnowledgeGaps => Set<KnowledgeGap>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<RequestArticles> RequestArticles => Set<RequestArticles>();

    /// <summary>The article to change, refusing an unknown id (404) or an edit of a version that is no longer current (412).</summary>
    public async Task<Article> LoadForChangeAsync(string id, int expectedVersion, CancellationToken ct)
    {
        var article = Guid.TryParse(id, out var articleId)
            ? await Articles.SingleOrDefaultAsync(a => a.Id == articleId, ct)
            : null;
        if (article is null)
        {
            throw new ServiceDefaults.Errors.NotFoundException("Article", id);
        }

        if (expectedVersion != 0 && expectedVersion != article.Version)
        {
            throw new ServiceDefaults.Errors.StaleVersionException(expectedVersion, article.Version);
        }

        return article;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Trigram similarity for "did you mean" when a search finds nothing.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KnowledgeDbContext).Assembly);
    }
}
