using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MarketingDev.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.System.Tests;

/// <summary>
/// The real AppHost (AppHost/Program.cs) under Aspire.Hosting.Testing: PostgreSQL, RabbitMQ and epmd from the OS
/// packages, the five services, with a data folder of its own and randomised ports; the dashboard stays off.
/// </summary>
public sealed class RunningSystem : IAsyncLifetime
{
    /// <summary>Each AppHost test runs the whole system on two shared cores: the classes of this collection run one at a time.</summary>
    public const string Collection = "AppHost";

    public static readonly string[] Services =
        [ServiceNames.Requests, ServiceNames.SyncMeetings, ServiceNames.KnowledgeBase, ServiceNames.Metrics, ServiceNames.Gateway];

    private readonly string[] _arguments;
    private readonly bool _ownsData;
    private DistributedApplication? _app;

    public RunningSystem() : this([], null)
    {
    }

    /// <param name="arguments">AppHost configuration, e.g. "--AppHost:Replicas=2".</param>
    /// <param name="data">A data folder to use and keep (a second run on the same databases), or null for a new one.</param>
    internal RunningSystem(string[] arguments, string? data)
    {
        _arguments = arguments;
        _ownsData = data is null;
        Data = data ?? Path.Combine(Path.GetTempPath(), "md-system-" + Guid.NewGuid().ToString("N")[..8]);
    }

    public string Data { get; }
    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");
    public ResourceNotificationService Notifications => App.Services.GetRequiredService<ResourceNotificationService>();
    public string AdminKeyFile => Path.Combine(Data, "admin-api-key");

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([$"--AppHost:DataDir={Data}", .. _arguments], timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var service in Services)
        {
            await Notifications.WaitForResourceHealthyAsync(service, timeout.Token);
        }
    }

    /// <summary>The Gateway's REST API with the admin key the AppHost generated.</summary>
    public HttpClient Gateway()
    {
        var http = App.CreateHttpClient(ServiceNames.Gateway, "http");
        http.DefaultRequestHeaders.Add("X-Api-Key", File.ReadAllText(AdminKeyFile).Trim());
        return http;
    }

    /// <summary>How many processes of a service's own binary run below DCP (replicas included).</summary>
    public static int CountServiceProcesses(string assemblyName)
    {
        var ours = OrchestratedProcesses().ToHashSet();
        return ProcessTable.Read().Count(p => ours.Contains(p.Id) && p.CommandLine.Split(' ')[0].EndsWith("/" + assemblyName, StringComparison.Ordinal));
    }

    /// <summary>The id of the process a resource runs as now, from its dashboard properties.</summary>
    public async Task<int> ProcessIdAsync(string resource, CancellationToken ct)
    {
        var running = await Notifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && Pid(e.Snapshot) is not null, ct);
        return Pid(running.Snapshot)!.Value;
    }

    private static int? Pid(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name.EndsWith(".pid", StringComparison.Ordinal))?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, out var pid) => pid,
            _ => null,
        };

    /// <summary>
    /// The service's own process: DCP runs a project through `dotnet run`, whose id the resource shows; the service is
    /// its child, and a crash of the service ends `dotnet run` with it.
    /// </summary>
    public static int ServiceProcess(int resourcePid, string assemblyName)
    {
        var processes = ProcessTable.Read();
        var tree = ProcessTable.Descendants(processes, resourcePid).Append(resourcePid).ToHashSet();
        return processes.First(p => tree.Contains(p.Id) && p.CommandLine.Split(' ')[0].EndsWith("/" + assemblyName, StringComparison.Ordinal)).Id;
    }

    /// <summary>Every process DCP runs for this AppHost: DCP itself (detached, it watches this process) and all below it.</summary>
    public static IReadOnlyList<int> OrchestratedProcesses()
    {
        var processes = ProcessTable.Read();
        var dcp = processes.Where(p => p.CommandLine.Contains("dcp", StringComparison.Ordinal)
                                       && p.CommandLine.Contains($"--monitor {Environment.ProcessId}", StringComparison.Ordinal))
            .Select(p => p.Id).ToList();
        return [.. dcp, .. dcp.SelectMany(pid => ProcessTable.Descendants(processes, pid))];
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_ownsData && Directory.Exists(Data))
        {
            Directory.Delete(Data, recursive: true);
        }
    }
}
