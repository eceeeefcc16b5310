using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MarketingDev.Metrics.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without booting the host or reaching a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MetricsDbContext>
{
    public MetricsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MetricsDbContext>()
            .UseNpgsql("Host=localhost;Database=metricsdb", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);
}
