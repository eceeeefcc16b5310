using MarketingDev.AppHost;
using MarketingDev.AppHost.Infrastructure;
using MarketingDev.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// The whole system on this machine: `dotnet run --project AppHost`, nothing else to set. Every key below can be given
// as configuration (environment variables with __, or arguments) and is documented in docs/guide/deploying.md.
var builder = DistributedApplication.CreateBuilder(DemoSeed.Without(args));
// Started without its launch profile (`dotnet MarketingDev.AppHost.dll`, as bench/requests.sh does): the same loopback
// dashboard the profile sets up, so nothing has to be given.
builder.Configuration.AddInMemoryCollection(LaunchDefaults.Missing(builder.Configuration));
var data = Path.GetFullPath(builder.Configuration["AppHost:DataDir"] ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));

// PostgreSQL and RabbitMQ: given connection strings, else Aspire's containers, else Debian's binaries as processes.
var servers = await Servers.AddAsync(builder, data);
var messaging = servers.Messaging;
IResourceBuilder<IResourceWithConnectionString> Database(string name) => servers.Database(name);

// Secrets live in files only their owner can read; the dashboard shows them masked.
var signingKey = builder.AddParameter("service-signing-key", Secrets.ReadOrCreate(Path.Combine(data, "service-signing-key"), "msk_"), secret: true);
var adminKey = builder.AddParameter("admin-api-key", Secrets.ReadOrCreate(Path.Combine(data, "admin-api-key"), "mdk_"), secret: true);
var replicas = builder.Configuration.GetValue("AppHost:Replicas", 1);
// The services run as Development unless told otherwise (developer exception pages, DI scope checks, the dashboard's
// full traces); the benchmarks run them as a deployment would, with AppHost__ServiceEnvironment=Production.
var serviceEnvironment = builder.Configuration["AppHost:ServiceEnvironment"] is { Length: > 0 } environment ? environment : "Development";
// Every trace goes to the dashboard unless a ratio is given: a deployment samples (the Gateway decides per call, the
// services follow its decision), and on a small machine the dashboard's intake competes with the system it watches.
var traceSampleRatio = builder.Configuration.GetValue<double?>("AppHost:TraceSampleRatio");
if (traceSampleRatio is < 0 or > 1)
{
    throw new InvalidOperationException($"AppHost:TraceSampleRatio is {traceSampleRatio}: give a share of calls between 0 and 1 (e.g. 0.1).");
}


// Each service declares its endpoints in its appsettings.json (Kestrel "http" for HTTP/1.1 and probes, "grpc" for
// HTTP/2); Aspire takes them from there and points them at free ports.
IResourceBuilder<ProjectResource> Service<TProject>(string name, string database) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithReference(Database(database)).WaitFor(Database(database))
        .WithReference(messaging).WaitFor(messaging)
        .WithEnvironment("ServiceAuth__SigningKeys__0", signingKey)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", serviceEnvironment)
        .WithEnvironment("DOTNET_ENVIRONMENT", serviceEnvironment)
        .WithEnvironment(context =>
        {
            if (traceSampleRatio is { } ratio)
            {
                context.EnvironmentVariables["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio";
                context.EnvironmentVariables["OTEL_TRACES_SAMPLER_ARG"] = ratio.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        })
        .WithHttpHealthCheck("/health", endpointName: "http");

var requests = Service<Projects.Requests>(ServiceNames.Requests, ServiceNames.RequestsDb).WithReplicas(replicas);
var meetings = Service<Projects.SyncMeetings>(ServiceNames.SyncMeetings, ServiceNames.MeetingsDb);
var knowledge = Service<Projects.KnowledgeBase>(ServiceNames.KnowledgeBase, ServiceNames.KnowledgeDb);
var metrics = Service<Projects.Metrics>(ServiceNames.Metrics, ServiceNames.MetricsDb);

var gateway = Service<Projects.Gateway>(ServiceNames.Gateway, ServiceNames.GatewayDb)
    .WithReference(requests).WithReference(meetings).WithReference(knowledge).WithReference(metrics)
    .WithEnvironment("Gateway__BootstrapAdminKey", adminKey)
    // The certificate that encrypts the Gateway's key ring lives with the data it protects (created on first start).
    .WithEnvironment("Gateway__DataProtection__CertificatePath", Path.Combine(data, "gateway-data-protection.pfx"))
    .WithEndpoint("http", e => e.Port = builder.Configuration.GetValue("AppHost:GatewayPort", 5080))
    .WithReplicas(replicas);

if (args.Contains(DemoSeed.Argument))
{
    builder.AddDemoSeed(metrics, Database(ServiceNames.MetricsDb), messaging, signingKey);
}

builder.Services.AddHostedService(sp => new StartupReport(sp, [requests, meetings, knowledge, metrics, gateway], data));
await builder.Build().RunAsync();
