using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Data;

public sealed class RequestsDbContext(DbContextOptions<RequestsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Request> Requests => Set<Request>();

    public Task<long> NextRequestNumberAsync(CancellationToken ct) =>
        Database.SqlQuery<long>($"SELECT nextval('request_numbers') AS \"Value\"").SingleAsync(ct);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>("request_numbers");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RequestsDbContext).Assembly);
    }
}
