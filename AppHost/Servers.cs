using Aspire.Hosting.ApplicationModel;
using MarketingDev.AppHost.Infrastructure;
using MarketingDev.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MarketingDev.AppHost;

/// <summary>The PostgreSQL databases and the RabbitMQ broker the services get, wherever they come from.</summary>
internal sealed class Servers(IResourceBuilder<IResourceWithConnectionString> messaging, Func<string, IResourceBuilder<IResourceWithConnectionString>> database)
{
    public static readonly string[] Databases =
        [ServiceNames.GatewayDb, ServiceNames.RequestsDb, ServiceNames.MeetingsDb, ServiceNames.KnowledgeDb, ServiceNames.MetricsDb];

    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; } = messaging;

    public IResourceBuilder<IResourceWithConnectionString> Database(string name) => database(name);

    /// <summary>
    /// In this order: ConnectionStrings:postgres and ConnectionStrings:messaging when configured (a shared or managed
    /// server); Aspire's containers when a container runtime answers; else the Debian packages' servers run by Aspire as
    /// executables, installed when missing (as root), data under <paramref name="data"/>.
    /// </summary>
    public static async Task<Servers> AddAsync(IDistributedApplicationBuilder builder, string data)
    {
        var givenPostgres = builder.Configuration.GetConnectionString(ServiceNames.Postgres) is { Length: > 0 };
        var givenMessaging = builder.Configuration.GetConnectionString(ServiceNames.Messaging) is { Length: > 0 };
        if (!givenPostgres || !givenMessaging)
        {
            if (await ContainerRuntime.IsHealthyAsync())
            {
                return AddContainers(builder, givenPostgres, givenMessaging);
            }
        }

        IResourceBuilder<IResourceWithConnectionString> postgres = givenPostgres
            ? builder.AddConnectionString(ServiceNames.Postgres)
            : await LocalServers.AddPostgresAsync(builder, data);
        IResourceBuilder<IResourceWithConnectionString> messaging = givenMessaging
            ? builder.AddConnectionString(ServiceNames.Messaging)
            : await LocalServers.AddRabbitMQAsync(builder, data);
        var databases = Databases.ToDictionary(name => name, name => AddDatabase(builder, postgres, name));
        return new Servers(messaging, name => databases[name]);
    }

    private static Servers AddContainers(IDistributedApplicationBuilder builder, bool givenPostgres, bool givenMessaging)
    {
        Func<string, IResourceBuilder<IResourceWithConnectionString>> database;
        if (givenPostgres)
        {
            var server = builder.AddConnectionString(ServiceNames.Postgres);
            var databases = Databases.ToDictionary(name => name, name => AddDatabase(builder, server, name));
            database = name => databases[name];
        }
        else
        {
            var server = builder.AddPostgres(ServiceNames.Postgres).WithDataVolume();
            var databases = Databases.ToDictionary(name => name, name => server.AddDatabase(name));
            database = name => databases[name];
        }

        IResourceBuilder<IResourceWithConnectionString> messaging = givenMessaging
            ? builder.AddConnectionString(ServiceNames.Messaging)
            : builder.AddRabbitMQ(ServiceNames.Messaging).WithDataVolume().WithManagementPlugin();
        return new Servers(messaging, database);
    }

    /// <summary>
    /// A database on a server given by its connection string: healthy once it accepts a login, created first if missing.
    /// The check's connections are unpooled so that PostgreSQL can stop cleanly.
    /// </summary>
    private static IResourceBuilder<IResourceWithConnectionString> AddDatabase(
        IDistributedApplicationBuilder builder, IResourceBuilder<IResourceWithConnectionString> server, string name)
    {
        var check = $"{name}-created";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, async ct =>
        {
            var connectionString = await server.Resource.GetConnectionStringAsync(ct);
            if (connectionString is null || !await LocalPostgres.AcceptsLoginAsync(connectionString, ct))
            {
                return HealthCheckResult.Unhealthy("PostgreSQL does not accept a login yet.");
            }

            await LocalPostgres.EnsureDatabaseAsync(connectionString, name, ct);
            return HealthCheckResult.Healthy();
        });
        return builder.AddConnectionString(name, ReferenceExpression.Create($"{server.Resource};Database={name}"))
            .WithParentRelationship(server.Resource)
            .WithHealthCheck(check);
    }
}
