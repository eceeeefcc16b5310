using MarketingDev.AppHost.Infrastructure;
using MarketingDev.Contracts;
using Npgsql;

namespace MarketingDev.TestSupport;

/// <summary>
/// Databases and a RabbitMQ virtual host that belong to one fixture only, so tests never see another fixture's rows or
/// messages; dropped again when the fixture is disposed.
/// </summary>
public sealed class IsolatedResources : IAsyncDisposable
{
    private readonly ServerSet _servers;
    private readonly Dictionary<string, string> _databases;

    private IsolatedResources(ServerSet servers, Dictionary<string, string> databases, string virtualHost)
    {
        _servers = servers;
        _databases = databases;
        VirtualHost = virtualHost;
    }

    public string VirtualHost { get; }
    public string Messaging => new UriBuilder(_servers.AmqpBase) { Path = "/" + Uri.EscapeDataString(VirtualHost) }.Uri.ToString();
    public string PostgresServer => _servers.PostgresServer;

    public string ConnectionString(string database) => LocalPostgres.ForDatabase(_servers.PostgresServer, _databases[database]);

    /// <summary>The configuration a service reads: ConnectionStrings:{db} for each database, and ConnectionStrings:messaging.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = _databases.Keys.ToDictionary(db => $"ConnectionStrings:{db}", db => (string?)ConnectionString(db));
        settings[$"ConnectionStrings:{ServiceNames.Messaging}"] = Messaging;
        settings["ServiceAuth:SigningKeys:0"] = TestActors.SigningKey;
        return settings;
    }

    public static async Task<IsolatedResources> CreateAsync(params string[] databases)
    {
        var servers = await TestServers.GetAsync();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var names = databases.ToDictionary(db => db, db => $"{db}_{suffix}");
        foreach (var name in names.Values)
        {
            await LocalPostgres.EnsureDatabaseAsync(servers.PostgresServer, name, CancellationToken.None);
        }

        var virtualHost = $"test-{suffix}";
        await LocalRabbit.CreateVirtualHostAsync(servers.ManagementUri, virtualHost, CancellationToken.None);
        return new IsolatedResources(servers, names, virtualHost);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(_servers.PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases.Values)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await LocalRabbit.DeleteVirtualHostAsync(_servers.ManagementUri, VirtualHost, CancellationToken.None);
    }
}
