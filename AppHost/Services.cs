using System.Reflection;
using MarketingDev.Contracts;

namespace MarketingDev.AppHost;

/// <summary>One of the five MarketingDev services, as the AppHost starts it.</summary>
internal sealed record ServiceSpec(string Name, string Project, string? Database)
{
    public static readonly IReadOnlyList<ServiceSpec> All =
    [
        new(ServiceNames.Requests, "Requests", ServiceNames.RequestsDb),
        new(ServiceNames.SyncMeetings, "SyncMeetings", ServiceNames.MeetingsDb),
        new(ServiceNames.KnowledgeBase, "KnowledgeBase", ServiceNames.KnowledgeDb),
        new(ServiceNames.Metrics, "Metrics", ServiceNames.MetricsDb),
        new(ServiceNames.Gateway, "Gateway", ServiceNames.GatewayDb),
    ];

    /// <summary>The service's build output, next to the AppHost's in the same configuration.</summary>
    public string AssemblyPath(string repositoryRoot)
    {
        var metadata = typeof(ServiceSpec).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        return Path.Combine(repositoryRoot, "src", Project, "bin", metadata["Configuration"]!, metadata["TargetFramework"]!, $"MarketingDev.{Project}.dll");
    }
}

/// <summary>Where the services live once started: HTTP/1.1 for probes and REST, HTTP/2 for gRPC.</summary>
internal sealed record ServiceEndpoints(int HttpPort, int GrpcPort)
{
    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";
    public string GrpcUrl => $"http://127.0.0.1:{GrpcPort}";
}
