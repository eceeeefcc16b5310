namespace MarketingDev.Contracts;

/// <summary>The resource names an Aspire AppHost would use; services, the AppHost and tests share them.</summary>
public static class ServiceNames
{
    public const string Gateway = "gateway";
    public const string Requests = "requests";
    public const string SyncMeetings = "meetings";
    public const string KnowledgeBase = "knowledge";
    public const string Metrics = "metrics";

    public const string GatewayDb = "gatewaydb";
    public const string RequestsDb = "requestsdb";
    public const string MeetingsDb = "meetingsdb";
    public const string KnowledgeDb = "knowledgedb";
    public const string MetricsDb = "metricsdb";

    public const string Messaging = "messaging";
    public const string Postgres = "postgres";

    /// <summary>The service-discovery URI of a service's gRPC endpoint ("services__requests__grpc__0").</summary>
    public static Uri GrpcAddress(string service) => new($"http://_grpc.{service}");
}
