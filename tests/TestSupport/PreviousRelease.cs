using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MarketingDev.TestSupport;

/// <summary>A database left as an earlier release left it, to prove that today's service starts on it and keeps its data.</summary>
public static class PreviousRelease
{
    /// <summary>
    /// Applies the migrations before <paramref name="firstNewMigration"/> (its name without the timestamp) as the earlier
    /// release did: EF's default naming, so the history table gets the columns "MigrationId" and "ProductVersion". The
    /// context is today's type with none of today's naming options; only the migrations' own operations run.
    /// </summary>
    public static async Task MigrateUpToAsync<TDb>(string connectionString, string firstNewMigration, Func<DbContextOptions<TDb>, TDb> create)
        where TDb : DbContext
    {
        var options = new DbContextOptionsBuilder<TDb>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            // The model is today's without today's naming, so EF sees changes no migration holds: expected here.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
        await using var db = create(options);
        var migrations = db.Database.GetMigrations().ToList();
        var first = migrations.FindIndex(m => m.EndsWith("_" + firstNewMigration, StringComparison.Ordinal));
        if (first < 1)
        {
            throw new InvalidOperationException($"No migration named {firstNewMigration} after another one in {typeof(TDb).Name}.");
        }

        await db.GetService<IMigrator>().MigrateAsync(migrations[first - 1]);
    }
}
