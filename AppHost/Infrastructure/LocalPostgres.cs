using Npgsql;

namespace MarketingDev.AppHost.Infrastructure;

/// <summary>
/// A private PostgreSQL server from the OS binaries: its own data folder, 127.0.0.1 only, a free port, a generated
/// password. As root it runs as the 'postgres' system user, since PostgreSQL refuses to run as root.
/// </summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    public const string User = "marketingdev";
    private readonly ChildProcess _process;

    private LocalPostgres(ChildProcess process, int port, string password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }
    public string Password { get; }

    /// <summary>A server-level connection string (no database), as ConnectionStrings__postgres would give.</summary>
    public string ServerConnectionString => ConnectionString(Port, Password);

    public static string ConnectionString(int port, string password) => $"Host=127.0.0.1;Port={port};Username={User};Password={password}";

    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    /// <summary>
    /// Installs PostgreSQL when missing, creates the data folder on first use (initdb) and says how to run the server:
    /// on 127.0.0.1:<paramref name="port"/> only, its socket in its data folder, as 'postgres' when we are root.
    /// </summary>
    /// <param name="durable">False trades crash safety for speed (fsync off): for throw-away test servers only.</param>
    public static async Task<PostgresSetup> PrepareAsync(string dataRoot, int port, bool durable, Action<string> log, CancellationToken ct)
    {
        await OsPackages.EnsureAsync("postgresql", () => FindBinaries() is not null, log, ct);
        var bin = FindBinaries()!;
        var dataDir = Path.GetFullPath(Path.Combine(dataRoot, "postgres"));
        var password = Secrets.ReadOrCreate(Path.Combine(dataRoot, "postgres-password"));
        var runAs = Native.IsRoot ? "postgres" : null;

        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            await InitAsync(bin, dataDir, password, runAs, log, ct);
        }

        string[] arguments =
        [
            "-D", dataDir, "-p", port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={dataDir}",
            "-c", "max_connections=400", "-c", "shared_buffers=256MB", "-c", $"fsync={(durable ? "on" : "off")}",
            "-c", $"synchronous_commit={(durable ? "on" : "off")}", "-c", "log_min_messages=warning",
        ];
        var command = runAs is null
            ? new ServerCommand("postgres", Path.Combine(bin, "postgres"), arguments, new Dictionary<string, string?>(), dataDir)
            // PostgreSQL refuses to run as root; setpriv execs it in place, so the process that gets the signals is postgres.
            : new ServerCommand("postgres", "setpriv", [$"--reuid={runAs}", $"--regid={runAs}", "--init-groups", "--", Path.Combine(bin, "postgres"), .. arguments],
                new Dictionary<string, string?>(), "/");
        return new PostgresSetup(command, port, password);
    }

    /// <param name="durable">False trades crash safety for speed (fsync off): for throw-away test servers only.</param>
    public static async Task<LocalPostgres> StartAsync(string dataRoot, Action<string> log, bool durable, CancellationToken ct)
    {
        var setup = await PrepareAsync(dataRoot, Ports.Free(), durable, log, ct);
        // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect.
        var process = setup.Command.Start(log, Native.SigInt);
        var server = new LocalPostgres(process, setup.Port, setup.Password);
        try
        {
            await Ports.WaitUntilAcceptingAsync(setup.Port, "PostgreSQL", TimeSpan.FromSeconds(60), () => process.HasExited, ct);
            await server.WaitUntilReadyAsync(ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private static async Task InitAsync(string bin, string dataDir, string password, string? runAs, Action<string> log, CancellationToken ct)
    {
        log($"initdb {dataDir}");
        Directory.CreateDirectory(dataDir);
        var passwordFile = Path.Combine(dataDir, "..", ".pg-init-password");
        await File.WriteAllTextAsync(passwordFile, password, ct);
        try
        {
            string[] initdb = [Path.Combine(bin, "initdb"), "-D", dataDir, "-U", User, $"--pwfile={passwordFile}", "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"];
            if (runAs is not null)
            {
                await OsPackages.RunAsync("chown", [$"{runAs}:{runAs}", dataDir, passwordFile], log, ct);
                await OsPackages.RunAsync("setpriv", [$"--reuid={runAs}", $"--regid={runAs}", "--init-groups", "--", .. initdb], log, ct);
            }
            else
            {
                await OsPackages.RunAsync(initdb[0], initdb[1..], log, ct);
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    // The port accepts connections before recovery ends ("the database system is starting up"): wait for a real login.
    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ServerConnectionString + ";Database=postgres;Pooling=false");
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>Creates the database when it does not exist yet.</summary>
    public static async Task EnsureDatabaseAsync(string serverConnectionString, string database, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            // Identifiers cannot be parameters; the names are ours (ServiceNames plus a hex suffix), never user input.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            try
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Created by someone else meanwhile: fine.
            }
        }
    }

    public static string ForDatabase(string serverConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;

    /// <summary>True when the server accepts a login (a connection of its own, unpooled, so the server can stop cleanly).</summary>
    public static async Task<bool> AcceptsLoginAsync(string serverConnectionString, CancellationToken ct)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false, Timeout = 5 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();
}

/// <summary>A prepared PostgreSQL server: how to run it, where it will listen, and its password.</summary>
internal sealed record PostgresSetup(ServerCommand Command, int Port, string Password)
{
    public string ServerConnectionString => LocalPostgres.ConnectionString(Port, Password);
}
