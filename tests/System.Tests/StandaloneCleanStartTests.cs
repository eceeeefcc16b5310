using System.Xml.Linq;
using MarketingDev.AppHost.Infrastructure;
using MarketingDev.Contracts;
using MarketingDev.TestSupport;

namespace MarketingDev.System.Tests;

/// <summary>
/// Each service's first start as its container image runs it (Production, the ASP.NET base image's environment with the
/// image's own ContainerEnvironmentVariable items over it, the Kestrel endpoints moved to free loopback ports) prints no
/// warning and no error: what the in-process clean-start tests cannot see (Kestrel binding, the console) is checked here
/// on the real binary.
/// </summary>
public sealed class StandaloneCleanStartTests
{
    public static readonly TheoryData<string, string, bool> Services = new()
    {
        { "Gateway", ServiceNames.GatewayDb, false },
        { "Requests", ServiceNames.RequestsDb, true },
        { "SyncMeetings", ServiceNames.MeetingsDb, true },
        { "KnowledgeBase", ServiceNames.KnowledgeDb, true },
        { "Metrics", ServiceNames.MetricsDb, true },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task FirstStart_AsTheContainerRunsIt_PrintsNoWarningOrError(string project, string database, bool servesGrpc)
    {
        await using var resources = await IsolatedResources.CreateAsync(database);
        var folder = Directory.CreateTempSubdirectory("md-standalone-");
        try
        {
            var http = $"http://127.0.0.1:{Ports.Free()}";
            var environment = ImageEnvironment(project);
            foreach (var (key, value) in resources.Settings())
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            environment["Kestrel__Endpoints__http__Url"] = http;
            if (servesGrpc)
            {
                environment["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{Ports.Free()}";
            }

            environment["Gateway__DataProtection__CertificatePath"] = Path.Combine(folder.FullName, "key-ring.pfx");
            // A new container's user has an empty home directory: nothing from an earlier run to find there.
            environment["HOME"] = Directory.CreateDirectory(Path.Combine(folder.FullName, "home")).FullName;
            await using var service = new RunningProcess(Binaries.Service(project), environment);

            await service.WaitUntilHealthyAsync(http, TimeSpan.FromSeconds(90));
            var warnings = WarningsAndErrors(service.Output);
            Assert.True(warnings.Count == 0, string.Join('\n', warnings));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The environment of the service's image: what mcr.microsoft.com/dotnet/aspnet sets, then the project's own
    /// ContainerEnvironmentVariable items (Production, since nothing in the image names another environment).
    /// </summary>
    private static Dictionary<string, string?> ImageEnvironment(string project)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_HTTP_PORTS"] = "8080",
            ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        var projectFile = XElement.Load(Path.Combine(Repository.FindRoot(), "src", project, $"{project}.csproj"));
        foreach (var variable in projectFile.Descendants("ContainerEnvironmentVariable"))
        {
            environment[variable.Attribute("Include")!.Value] = variable.Attribute("Value")?.Value;
        }

        return environment;
    }

    /// <summary>
    /// Console entries at warn, fail or crit, each with its message line; a readiness probe's "not yet" while the broker
    /// connection comes up is the probe doing its job, not something to act on.
    /// </summary>
    private static List<string> WarningsAndErrors(string output)
    {
        var lines = output.Split('\n');
        var entries = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("warn:", StringComparison.Ordinal) || lines[i].StartsWith("fail:", StringComparison.Ordinal)
                || lines[i].StartsWith("crit:", StringComparison.Ordinal))
            {
                var entry = i + 1 < lines.Length ? $"{lines[i]} {lines[i + 1].Trim()}" : lines[i];
                var notReadyYet = entry.Contains("HealthChecks.DefaultHealthCheckService", StringComparison.Ordinal)
                                  && (entry.Contains("with status Unhealthy", StringComparison.Ordinal)
                                      || entry.Contains("with status Degraded", StringComparison.Ordinal));
                if (!notReadyYet)
                {
                    entries.Add(entry);
                }
            }
        }

        return entries;
    }
}
