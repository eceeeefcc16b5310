using MarketingDev.AppHost.Infrastructure;
using Testcontainers.PostgreSql;
using Xunit;
using Testcontainers.RabbitMq;

namespace MarketingDev.TestSupport;

/// <summary>The PostgreSQL server and RabbitMQ broker tests run against, and how a fixture gets a virtual host of its own.</summary>
public sealed record ServerSet(string Source, string PostgresServer, string AmqpBase, Uri ManagementUri);

/// <summary>
/// Finds the servers once per test process: from ConnectionStrings__postgres, ConnectionStrings__messaging and
/// ConnectionStrings__messagingadmin (the management API, for per-fixture virtual hosts) when set; else from
/// Testcontainers when a Docker engine answers; else from private local instances shared by all test processes of the
/// run (see <see cref="SharedLocalServers"/>). A missing server fails the test with a message saying how to provide one;
/// nothing is skipped.
/// </summary>
public static class TestServers
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ServerSet? _servers;
    private static IAsyncDisposable? _lease;

    public static async Task<ServerSet> GetAsync()
    {
        if (_servers is { } known)
        {
            return known;
        }

        await Gate.WaitAsync();
        try
        {
            return _servers ??= await ResolveAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Called by the assembly fixture when the last test of the process has run.</summary>
    public static async Task ReleaseAsync()
    {
        if (_lease is { } lease)
        {
            _lease = null;
            await lease.DisposeAsync();
        }
    }

    private static async Task<ServerSet> ResolveAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__postgres");
        var messaging = Environment.GetEnvironmentVariable("ConnectionStrings__messaging");
        var management = Environment.GetEnvironmentVariable("ConnectionStrings__messagingadmin");
        if (!string.IsNullOrEmpty(postgres) || !string.IsNullOrEmpty(messaging))
        {
            if (string.IsNullOrEmpty(postgres) || string.IsNullOrEmpty(messaging) || string.IsNullOrEmpty(management))
            {
                throw new InvalidOperationException(
                    "Set all three of ConnectionStrings__postgres (a server-level Npgsql connection string with CREATEDB), " +
                    "ConnectionStrings__messaging (amqp://user:pass@host:port/) and ConnectionStrings__messagingadmin " +
                    "(http://user:pass@host:15672/, the RabbitMQ management API, used to give each test fixture its own virtual host); " +
                    "or unset them all to let the tests start their own servers.");
            }

            return new ServerSet("environment", postgres, messaging, new Uri(management));
        }

        // The same switch as the AppHost's: a container engine that answers, not merely a CLI or a socket file.
        if (await ContainerRuntime.IsHealthyAsync())
        {
            return await StartContainersAsync();
        }

        var (servers, lease) = await SharedLocalServers.AcquireAsync();
        _lease = lease;
        return servers;
    }

    private static async Task<ServerSet> StartContainersAsync()
    {
        // Testcontainers' Ryuk reaper removes the containers when the test process ends.
        var postgres = new PostgreSqlBuilder("postgres:15").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.10-management").WithPortBinding(15672, true).Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        var amqp = new UriBuilder(rabbit.GetConnectionString()) { Path = "/" }.Uri.ToString();
        var management = new UriBuilder("http", rabbit.Hostname, rabbit.GetMappedPublicPort(15672))
        {
            UserName = RabbitMqBuilder.DefaultUsername,
            Password = RabbitMqBuilder.DefaultPassword,
        }.Uri;
        return new ServerSet("testcontainers", postgres.GetConnectionString(), amqp, management);
    }
}

/// <summary>Assembly fixture: give back the shared servers once every test of this process has run.</summary>
public sealed class TestServersLifetime : IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await TestServers.ReleaseAsync();
}
