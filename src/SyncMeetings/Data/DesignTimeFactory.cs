using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MarketingDev.SyncMeetings.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without booting the host or reaching a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MeetingsDbContext>
{
    public MeetingsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MeetingsDbContext>()
            .UseNpgsql("Host=localhost;Database=meetingsdb", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);
}
