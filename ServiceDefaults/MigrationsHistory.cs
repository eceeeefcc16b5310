using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace MarketingDev.ServiceDefaults;

public static class MigrationsHistory
{
    /// <summary>
    /// For a database created before it switched to the snake case naming convention (Requests, Gateway): keeps the
    /// history table's columns "MigrationId" and "ProductVersion". The convention would rename them too, and EF reads
    /// that table before it runs any migration, so no migration can rename them: every existing database would fail to
    /// start. Call it next to <c>UseSnakeCaseNamingConvention()</c>, in the service's registration and in its
    /// DesignTimeFactory. A service that used snake case from its first migration does not call it.
    /// </summary>
    public static TBuilder KeepPascalCaseMigrationsHistory<TBuilder>(this TBuilder options) where TBuilder : DbContextOptionsBuilder
    {
        options.ReplaceService<IHistoryRepository, PascalCaseHistoryRepository>();
        return options;
    }
}

// EF1001: Npgsql's history repository is "internal" API (no compatibility promise across releases). Deriving from it is
// still the narrow way: it keeps Npgsql's SQL (exists check, CREATE TABLE IF NOT EXISTS, DO blocks) and changes only the
// two column names; a Npgsql upgrade that breaks it fails the build or the upgrade tests, not a database.
#pragma warning disable EF1001
internal sealed class PascalCaseHistoryRepository(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
#pragma warning restore EF1001
{
    protected override void ConfigureTable(EntityTypeBuilder<HistoryRow> history)
    {
        base.ConfigureTable(history);
        history.Property(h => h.MigrationId).HasColumnName(nameof(HistoryRow.MigrationId));
        history.Property(h => h.ProductVersion).HasColumnName(nameof(HistoryRow.ProductVersion));
    }
}
