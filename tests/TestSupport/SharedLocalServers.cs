using System.Text.Json;
using MarketingDev.AppHost.Infrastructure;

namespace MarketingDev.TestSupport;

/// <summary>
/// Private PostgreSQL and RabbitMQ instances (the AppHost's own commands, AppHost/Infrastructure) under .data/test-servers, started once per test
/// run and shared by every test process of it. A file lock serialises start and stop; each process holds a shared lock
/// on users.lock while it uses the servers, and the process that started them stops them once it can take that lock
/// exclusively, i.e. when the last user is gone. The instances run with fsync off: they hold only throw-away data.
/// </summary>
internal static class SharedLocalServers
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

    private sealed record State(string PostgresServer, int PostgresPort, string AmqpBase, int AmqpPort, string ManagementUri);

    public static async Task<(ServerSet Servers, IAsyncDisposable Lease)> AcquireAsync()
    {
        var dir = Path.Combine(Repository.FindRoot(), ".data", "test-servers");
        Directory.CreateDirectory(dir);
        var statePath = Path.Combine(dir, "state.json");
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            await using var gate = await FileLock.ExclusiveAsync(Path.Combine(dir, "gate.lock"), TimeSpan.FromMinutes(5));
            var users = FileLock.TryShared(Path.Combine(dir, "users.lock"));
            if (users is null)
            {
                // The owner is stopping the previous servers right now: try again once it is done.
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The shared test servers did not finish stopping within 5 minutes.");
                }

                await Task.Delay(RetryInterval);
                continue;
            }

            if (File.Exists(statePath) && JsonSerializer.Deserialize<State>(await File.ReadAllTextAsync(statePath)) is { } state
                && await Ports.AcceptsAsync(state.PostgresPort, CancellationToken.None) && await Ports.AcceptsAsync(state.AmqpPort, CancellationToken.None))
            {
                return (ToServers(state), new Lease(users, null, dir, statePath));
            }

            var log = new Action<string>(_ => { });
            var postgres = await LocalPostgres.StartAsync(dir, log, durable: false, CancellationToken.None);
            var rabbit = await LocalRabbit.StartAsync(dir, log, CancellationToken.None);
            var started = new State(postgres.ServerConnectionString, postgres.Port, rabbit.AmqpUri(), rabbit.Port, rabbit.ManagementUri.ToString());
            await File.WriteAllTextAsync(statePath, JsonSerializer.Serialize(started));
            if (!OperatingSystem.IsWindows())
            {
                // It holds the servers' passwords.
                File.SetUnixFileMode(statePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return (ToServers(started), new Lease(users, [rabbit, postgres], dir, statePath));
        }
    }

    private static ServerSet ToServers(State state) => new("local", state.PostgresServer, state.AmqpBase, new Uri(state.ManagementUri));

    private sealed class Lease(FileStream users, IAsyncDisposable[]? owned, string dir, string statePath) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await users.DisposeAsync();
            if (owned is null)
            {
                return;
            }

            // The starter keeps the servers (its child processes) alive until no other process uses them.
            var deadline = DateTime.UtcNow.AddMinutes(60);
            while (DateTime.UtcNow < deadline)
            {
                await using (var gate = await FileLock.ExclusiveAsync(Path.Combine(dir, "gate.lock"), TimeSpan.FromMinutes(5)))
                {
                    await using var alone = FileLock.TryExclusive(Path.Combine(dir, "users.lock"));
                    if (alone is not null)
                    {
                        File.Delete(statePath);
                        foreach (var server in owned)
                        {
                            await server.DisposeAsync();
                        }

                        return;
                    }
                }

                await Task.Delay(RetryInterval);
            }
        }
    }
}

/// <summary>Advisory locks between test processes (.NET maps FileShare.None to flock LOCK_EX and other shares to LOCK_SH).</summary>
internal static class FileLock
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<FileStream> ExclusiveAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (TryExclusive(path) is { } stream)
            {
                return stream;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Could not lock {path} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static FileStream? TryExclusive(string path) => TryOpen(path, FileAccess.ReadWrite, FileShare.None);

    public static FileStream? TryShared(string path) => TryOpen(path, FileAccess.Read, FileShare.ReadWrite);

    private static FileStream? TryOpen(string path, FileAccess access, FileShare share)
    {
        try
        {
            if (!File.Exists(path))
            {
                using (File.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite))
                {
                }
            }

            return new FileStream(path, FileMode.Open, access, share);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
