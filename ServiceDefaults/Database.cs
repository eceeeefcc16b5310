using System.Diagnostics;
using MarketingDev.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MarketingDev.ServiceDefaults;

public static class Database
{
    /// <summary>The advisory lock (per database) that serialises migrations between replicas; released with its connection.</summary>
    private const long MigrationLockKey = 0x4D44_4D49_4752;

    /// <summary>Registers the service's DbContext over the connection string an AppHost injects (ConnectionStrings__{name}).</summary>
    public static IHostApplicationBuilder AddServiceDbContext<TDb>(this IHostApplicationBuilder builder, string connectionName)
        where TDb : ServiceDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"No connection string for the database '{connectionName}'. Set ConnectionStrings__{connectionName} " +
                "(the AppHost does this for you: dotnet run --project AppHost).");

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddDbContextPool<TDb>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>()));
        builder.Services.AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<TDb>());
        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>("postgres", tags: [Extensions.ReadyTag]);
        builder.Services.AddSingleton(new DatabaseTarget(connectionString));
        return builder;
    }


    /// <summary>
    /// Waits for PostgreSQL (at most StartupTimeout, 60 s by default) and applies the service's migrations before the
    /// host starts. An unreachable server ends the process with a message that names what and where.
    /// </summary>
    public static async Task MigrateAndRunAsync<TDb>(this WebApplication app) where TDb : ServiceDbContext
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        var timeout = app.Configuration.GetValue("Startup:DependencyTimeoutSeconds", 60);
        try
        {
            await Dependencies.WaitForAsync(app.Services, TimeSpan.FromSeconds(timeout), logger, app.Lifetime.ApplicationStopping);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var started = Stopwatch.GetTimestamp();
                // Replicas starting together on a new database would apply the same migration twice (and one would die on
                // "column already exists"): one migrates at a time, the others then find nothing left to do.
                var target = scope.ServiceProvider.GetRequiredService<DatabaseTarget>();
                await using var gate = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
                await gate.OpenAsync(app.Lifetime.ApplicationStopping);
                await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", gate))
                {
                    await lockCommand.ExecuteNonQueryAsync(app.Lifetime.ApplicationStopping);
                }

                // Npgsql's history repository claims the history table always exists and lets the first SELECT fail, which
                // EF logs as an error on every first start (npgsql/efcore.pg#3407): create it first, so the log stays clean.
                // The script comes from the context's own history repository, so it has the column names MigrateAsync reads
                // (Requests and Gateway keep "MigrationId"/"ProductVersion": MigrationsHistory.KeepPascalCaseMigrationsHistory).
                var db = scope.ServiceProvider.GetRequiredService<TDb>();
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), app.Lifetime.ApplicationStopping);
                await db.Database.MigrateAsync(app.Lifetime.ApplicationStopping);
                logger.LogInformation("Database migrated in {Elapsed:0} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (DependencyUnavailableException ex)
        {
            logger.LogCritical("{Message}", ex.Message);
            Environment.ExitCode = 3;
            return;
        }

        await app.RunAsync();
    }
}

/// <summary>What a service's database is called and where it lives, for start-up messages.</summary>
public sealed record DatabaseTarget(string ConnectionString)
{
    public string Describe()
    {
        var csb = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL at {csb.Host}:{csb.Port} (database '{csb.Database}', user '{csb.Username}')";
    }
}
