using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MarketingDev.Requests.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without booting the host or reaching a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RequestsDbContext>
{
    public RequestsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RequestsDbContext>()
            .UseNpgsql("Host=localhost;Database=requestsdb", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .KeepPascalCaseMigrationsHistory()
            .Options);
}
