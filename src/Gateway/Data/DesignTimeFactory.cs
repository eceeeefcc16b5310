using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MarketingDev.Gateway.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without booting the host or reaching a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GatewayDbContext>
{
    public GatewayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GatewayDbContext>()
            .UseNpgsql("Host=localhost;Database=gatewaydb", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .KeepPascalCaseMigrationsHistory()
            .Options);
}
