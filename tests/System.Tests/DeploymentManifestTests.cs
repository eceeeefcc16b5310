using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using MarketingDev.AppHost.Infrastructure;
using MarketingDev.Contracts;
using YamlDotNet.RepresentationModel;

namespace MarketingDev.System.Tests;

/// <summary>
/// deploy/kubernetes against the code: every service has a Deployment and a Service whose ports are the ones its
/// container image exposes and its Kestrel endpoints are named by, probes on the paths ServiceDefaults maps, and the
/// configuration keys the service reads (its database by the name its code registers, the broker, the signing key).
/// </summary>
public sealed class DeploymentManifestTests
{
    public sealed record Service(string Name, string Project, string Database, bool ServesGrpc);

    public static readonly TheoryData<string> Names = [ServiceNames.Gateway, ServiceNames.Requests, ServiceNames.SyncMeetings, ServiceNames.KnowledgeBase, ServiceNames.Metrics];

    private static readonly Dictionary<string, Service> Services = new[]
    {
        new Service(ServiceNames.Gateway, "Gateway", ServiceNames.GatewayDb, ServesGrpc: false),
        new Service(ServiceNames.Requests, "Requests", ServiceNames.RequestsDb, ServesGrpc: true),
        new Service(ServiceNames.SyncMeetings, "SyncMeetings", ServiceNames.MeetingsDb, ServesGrpc: true),
        new Service(ServiceNames.KnowledgeBase, "KnowledgeBase", ServiceNames.KnowledgeDb, ServesGrpc: true),
        new Service(ServiceNames.Metrics, "Metrics", ServiceNames.MetricsDb, ServesGrpc: true),
    }.ToDictionary(s => s.Name);

    private static readonly string Root = Repository.FindRoot();

    private static List<YamlMappingNode> Documents() =>
        Directory.GetFiles(Path.Combine(Root, "deploy", "kubernetes"), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f =>
            {
                var stream = new YamlStream();
                using var reader = new StreamReader(f);
                stream.Load(reader);
                return stream.Documents.Select(d => (YamlMappingNode)d.RootNode);
            })
            .ToList();

    private static YamlMappingNode Find(string kind, string name) =>
        Documents().Single(d => S(d, "kind") == kind && S(M(d, "metadata"), "name") == name);

    private static YamlMappingNode M(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];
    private static YamlSequenceNode L(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];
    private static string? S(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static YamlMappingNode Container(string name) =>
        (YamlMappingNode)L(M(M(M(Find("Deployment", name), "spec"), "template"), "spec"), "containers").Single();

    private static XElement ProjectFile(Service service) => XElement.Load(Path.Combine(Root, "src", service.Project, $"{service.Project}.csproj"));

    private static Dictionary<string, int> ExpectedPorts(Service service) =>
        service.ServesGrpc ? new() { ["http"] = 8080, ["grpc"] = 8081 } : new() { ["http"] = 8080 };

    [Theory]
    [MemberData(nameof(Names))]
    public void Deployment_ExposesTheImagesPorts_UnderTheKestrelEndpointNames(string name)
    {
        var service = Services[name];
        var project = ProjectFile(service);
        var container = Container(name);

        var ports = L(container, "ports").Cast<YamlMappingNode>().ToDictionary(p => S(p, "name")!, p => int.Parse(S(p, "containerPort")!));
        var imagePorts = project.Descendants("ContainerPort").Select(p => int.Parse(p.Attribute("Include")!.Value)).Order().ToList();
        var imageUrls = project.Descendants("ContainerEnvironmentVariable")
            .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Value")!.Value);
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "src", service.Project, "appsettings.json")));
        var kestrel = settings.RootElement.GetProperty("Kestrel").GetProperty("Endpoints");

        Assert.Equal(ExpectedPorts(service), ports);
        Assert.Equal(ports.Values.Order(), imagePorts);
        Assert.Equal($"marketingdev/{name}", project.Descendants("ContainerRepository").Single().Value);
        Assert.StartsWith($"marketingdev/{name}:", S(container, "image"), StringComparison.Ordinal);
        Assert.Equal("app", project.Descendants("ContainerUser").Single().Value);
        foreach (var (endpoint, port) in ports)
        {
            Assert.Equal($"http://+:{port}", imageUrls[$"Kestrel__Endpoints__{endpoint}__Url"]);
            Assert.Equal(endpoint == "grpc" ? "Http2" : "Http1", kestrel.GetProperty(endpoint).GetProperty("Protocols").GetString());
        }

        var servicePorts = L(M(Find("Service", name), "spec"), "ports").Cast<YamlMappingNode>().ToDictionary(p => S(p, "name")!, p => int.Parse(S(p, "port")!));
        Assert.Equal(ports, servicePorts);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Deployment_ProbesAliveForLiveness_AndHealthForReadiness(string name)
    {
        var container = Container(name);
        var defaults = File.ReadAllText(Path.Combine(Root, "ServiceDefaults", "Extensions.cs"));

        Assert.Equal("/alive", S(M(M(container, "livenessProbe"), "httpGet"), "path"));
        Assert.Equal("/health", S(M(M(container, "readinessProbe"), "httpGet"), "path"));
        Assert.Equal("http", S(M(M(container, "readinessProbe"), "httpGet"), "port"));
        Assert.Contains("MapHealthChecks(\"/alive\"", defaults, StringComparison.Ordinal);
        Assert.Contains("MapHealthChecks(\"/health\"", defaults, StringComparison.Ordinal);
        Assert.True(M(container, "resources").Children.ContainsKey(new YamlScalarNode("limits")), "resource limits");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Deployment_GivesTheConfigurationKeysTheServiceReads(string name)
    {
        var service = Services[name];
        var env = L(Container(name), "env").Cast<YamlMappingNode>().Select(e => S(e, "name")!).ToHashSet();
        var registration = File.ReadAllText(Path.Combine(Root, "src", service.Project, "ServiceRegistration.cs"));
        var databaseConstant = typeof(ServiceNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Single(f => f.IsLiteral && (string?)f.GetRawConstantValue() == service.Database).Name;

        Assert.Contains($"ConnectionStrings__{service.Database}", env);
        Assert.Contains($"AddServiceDbContext<", registration, StringComparison.Ordinal);
        Assert.Contains($"(ServiceNames.{databaseConstant})", registration, StringComparison.Ordinal);
        Assert.Contains($"ConnectionStrings__{ServiceNames.Messaging}", env);
        Assert.Contains("ServiceAuth__SigningKeys__0", env);
        Assert.Equal(name == ServiceNames.Gateway, env.Contains("Gateway__BootstrapAdminKey"));
    }

    [Fact]
    public void Config_PointsTheGatewayAtEveryServicesGrpcPort()
    {
        var data = M(Find("ConfigMap", "marketingdev-config"), "data");

        foreach (var service in Services.Values.Where(s => s.ServesGrpc))
        {
            Assert.Equal($"http://{service.Name}:8081", S(data, $"services__{service.Name}__grpc__0"));
        }
    }
}
