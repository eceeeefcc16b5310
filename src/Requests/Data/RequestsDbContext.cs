using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Data;

public sealed class RequestsDbContext(DbContextOptions<RequestsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Request> Requests => Set<Request>();
    public DbSet<RequestChange> RequestChanges => Set<RequestChange>();
    public DbSet<Clarification> Clarifications => Set<Clarification>();
    public DbSet<Roadblock> Roadblocks => Set<Roadblock>();
    public DbSet<Bug> Bugs => Set<Bug>();

    public Task<long> NextBugNumberAsync(CancellationToken ct) =>
        Database.SqlQuery<long>($"SELECT nextval('bug_numbers') AS \"Value\"").SingleAsync(ct);

    public Task<long> NextRequestNumberAsync(CancellationToken ct) =>
        Database.SqlQuery<long>($"SELECT nextval('request_numbers') AS \"Value\"").SingleAsync(ct);

    /// <summary>The request to change, refusing an unknown id (404) or an edit of a version that is no longer current (412).</summary>
    public async Task<Request> LoadForChangeAsync(string id, int expectedVersion, CancellationToken ct)
    {
        var request = Guid.TryParse(id, out var requestId)
            ? await Requests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
            : null;
        if (request is null)
        {
            throw new ServiceDefaults.Errors.NotFoundException("Request", id);
        }

        if (expectedVersion != 0 && expectedVersion != request.Version)
        {
            throw new ServiceDefaults.Errors.StaleVersionException(expectedVersion, request.Version);
        }

        return request;
    }

    /// <summary>Unanswered clarifying questions per request, for the requests shown.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> OpenClarificationsAsync(IReadOnlyCollection<Guid> requestIds, CancellationToken ct) =>
        await Clarifications.AsNoTracking()
            .Where(c => requestIds.Contains(c.RequestId) && c.Answer == null)
            .GroupBy(c => c.RequestId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>("request_numbers");
        modelBuilder.HasSequence<long>("bug_numbers");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RequestsDbContext).Assembly);
    }
}
