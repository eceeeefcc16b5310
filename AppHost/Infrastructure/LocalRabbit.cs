using System.Net.Http.Headers;
using System.Text;

namespace MarketingDev.AppHost.Infrastructure;

/// <summary>
/// A private RabbitMQ node from the OS package: its own node name, data and config under the data folder, AMQP and the
/// management API on free 127.0.0.1 ports, a generated password. The management API lets tests make a virtual host
/// each, so parallel runs never share a queue.
/// </summary>
internal sealed class LocalRabbit : IAsyncDisposable
{
    public const string User = "marketingdev";
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private readonly ChildProcess _process;
    private readonly ChildProcess _epmd;

    private LocalRabbit(ChildProcess process, ChildProcess epmd, RabbitPorts ports, string password)
    {
        _process = process;
        _epmd = epmd;
        Ports = ports;
        Password = password;
    }

    /// <summary>Pass these to <see cref="StartAsync"/> to restart the node where its clients expect it.</summary>
    public RabbitPorts Ports { get; }
    public int Port => Ports.Amqp;
    public int ManagementPort => Ports.Management;
    public string Password { get; }

    public string AmqpUri(string virtualHost = "/") => AmqpUri(Port, Password, virtualHost);

    public static string AmqpUri(int port, string password, string virtualHost = "/") =>
        $"amqp://{User}:{Escaped(password)}@127.0.0.1:{port}/{Uri.EscapeDataString(virtualHost)}";

    public Uri ManagementUri => ManagementUriFor(ManagementPort, Password);

    public static Uri ManagementUriFor(int port, string password) => new($"http://{User}:{Escaped(password)}@127.0.0.1:{port}/");

    private static string Escaped(string password) => Uri.EscapeDataString(password);

    /// <summary>
    /// Installs RabbitMQ when missing, writes its configuration (mode 0600: it holds the password) and says how to run
    /// epmd and the node: AMQP, management, Erlang distribution and epmd all on 127.0.0.1 only.
    /// </summary>
    public static async Task<RabbitSetup> PrepareAsync(string dataRoot, RabbitPorts ports, Action<string> log, CancellationToken ct)
    {
        await OsPackages.EnsureAsync("rabbitmq-server", () => File.Exists(Server), log, ct);
        var dir = Path.GetFullPath(Path.Combine(dataRoot, "rabbitmq"));
        Directory.CreateDirectory(dir);
        var password = Secrets.ReadOrCreate(Path.Combine(dataRoot, "rabbitmq-password"));
        var (port, distPort, managementPort, epmdPort) = ports;

        // Written on every start because the ports change; default_user only matters the first time the node boots.
        Secrets.Write(Path.Combine(dir, "rabbitmq.conf"), $"""
            listeners.tcp.1 = 127.0.0.1:{port}
            default_user = {User}
            default_pass = {password}
            default_vhost = /
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {managementPort}
            log.console = true
            log.console.level = warning
            log.file = false
            vm_memory_high_watermark.relative = 0.2
            disk_free_limit.absolute = 200MB
            """);
        await File.WriteAllTextAsync(Path.Combine(dir, "enabled_plugins"), "[rabbitmq_management].\n", ct);

        // One node name per data folder, so a second run finds its own database (vhosts, users, durable queues).
        var node = $"mdev{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(dir)))[..8]}@localhost";
        var erlang = new Dictionary<string, string?>
        {
            ["HOME"] = dir,
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["ERL_EPMD_PORT"] = epmdPort.ToString(),
        };
        var environment = new Dictionary<string, string?>(erlang)
        {
            ["RABBITMQ_NODENAME"] = node,
            ["RABBITMQ_USE_LONGNAME"] = "false",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(),
            ["RABBITMQ_DIST_PORT"] = distPort.ToString(),
            // The Erlang distribution listener binds every interface unless told otherwise.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_CTL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(dir, "rabbitmq.pid"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_ALLOW_INPUT"] = null,
        };

        // Erlang would otherwise start a shared epmd daemon that outlives us; our own, on its own port, stops with the node.
        var epmd = new ServerCommand("epmd", "epmd", ["-address", "127.0.0.1", "-port", epmdPort.ToString()], erlang, dir);
        var server = new ServerCommand("rabbitmq", Server, [], environment, dir);
        return new RabbitSetup(epmd, server, ports, password);
    }

    public static async Task<LocalRabbit> StartAsync(string dataRoot, Action<string> log, CancellationToken ct, RabbitPorts? ports = null)
    {
        ports ??= RabbitPorts.Free();
        var setup = await PrepareAsync(dataRoot, ports, log, ct);
        var epmd = setup.Epmd.Start(log);
        await Infrastructure.Ports.WaitUntilAcceptingAsync(ports.Epmd, "epmd", TimeSpan.FromSeconds(10), () => epmd.HasExited, ct);
        var process = setup.Server.Start(log);
        var rabbit = new LocalRabbit(process, epmd, ports, setup.Password);
        try
        {
            await Infrastructure.Ports.WaitUntilAcceptingAsync(ports.Amqp, "RabbitMQ", TimeSpan.FromSeconds(90), () => process.HasExited, ct);
            await Infrastructure.Ports.WaitUntilAcceptingAsync(ports.Management, "RabbitMQ management", TimeSpan.FromSeconds(60), () => process.HasExited, ct);
        }
        catch
        {
            await rabbit.DisposeAsync();
            throw;
        }

        return rabbit;
    }

    /// <summary>Creates a virtual host and gives the user every permission on it (idempotent).</summary>
    public static async Task CreateVirtualHostAsync(Uri managementUri, string virtualHost, CancellationToken ct)
    {
        using var http = ManagementClient(managementUri, out var credentials);
        var name = Uri.EscapeDataString(virtualHost);
        using var vhost = await http.PutAsync($"api/vhosts/{name}", new StringContent("{}", Encoding.UTF8, "application/json"), ct);
        vhost.EnsureSuccessStatusCode();
        using var permissions = await http.PutAsync($"api/permissions/{name}/{Uri.EscapeDataString(credentials[0])}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"), ct);
        permissions.EnsureSuccessStatusCode();
    }

    public static async Task DeleteVirtualHostAsync(Uri managementUri, string virtualHost, CancellationToken ct)
    {
        using var http = ManagementClient(managementUri, out _);
        using var response = await http.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(virtualHost)}", ct);
    }

    internal static HttpClient ManagementClient(Uri managementUri, out string[] credentials)
    {
        credentials = managementUri.UserInfo.Split(':', 2).Select(Uri.UnescapeDataString).ToArray();
        var http = new HttpClient { BaseAddress = new Uri(managementUri.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials[0]}:{credentials[1]}")));
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        // RabbitMQ stops itself on SIGTERM, closing client connections and flushing its message store.
        await _process.DisposeAsync();
        await _epmd.DisposeAsync();
    }
}

/// <summary>The ports one RabbitMQ node listens on (all on 127.0.0.1).</summary>
internal sealed record RabbitPorts(int Amqp, int Distribution, int Management, int Epmd)
{
    public static RabbitPorts Free() => new(Infrastructure.Ports.Free(), Infrastructure.Ports.Free(), Infrastructure.Ports.Free(), Infrastructure.Ports.Free());
}

/// <summary>A prepared RabbitMQ node: how to run epmd and the node, where they listen, and the password.</summary>
internal sealed record RabbitSetup(ServerCommand Epmd, ServerCommand Server, RabbitPorts Ports, string Password)
{
    public string AmqpUri => LocalRabbit.AmqpUri(Ports.Amqp, Password);
    public Uri ManagementUri => LocalRabbit.ManagementUriFor(Ports.Management, Password);
}
