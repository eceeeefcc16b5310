using MarketingDev.Metrics.Domain;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Data;

public sealed class MetricsDbContext(DbContextOptions<MetricsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<RequestRecord> Requests => Set<RequestRecord>();
    public DbSet<ArticleRecord> Articles => Set<ArticleRecord>();

    public async Task<RequestRecord> RequestRecordAsync(Guid requestId, CancellationToken ct) =>
        await Requests.SingleOrDefaultAsync(r => r.RequestId == requestId, ct)
        ?? throw new InvalidOperationException($"No RequestDrafted seen yet for request {requestId}; retrying.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MetricsDbContext).Assembly);
    }
}
