using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using MarketingDev.AppHost.Infrastructure;
using MarketingDev.Contracts;
using MarketingDev.TestSupport;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;

namespace MarketingDev.System.Tests;

/// <summary>
/// A service started on its own, as a container or a Kubernetes pod starts it: its endpoints come from its
/// appsettings.json (HTTP/1.1 "http" for probes, HTTP/2 "grpc" for gRPC), moved by the usual Kestrel__Endpoints__ keys.
/// </summary>
public sealed class StandaloneServiceTests
{
    [Fact]
    public async Task ServiceOnItsOwn_AnswersProbesOverHttp1_AndGrpcOverHttp2()
    {
        await using var resources = await IsolatedResources.CreateAsync(ServiceNames.MetricsDb);
        var http = $"http://127.0.0.1:{Ports.Free()}";
        var grpc = $"http://127.0.0.1:{Ports.Free()}";
        var environment = resources.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["Kestrel__Endpoints__http__Url"] = http;
        environment["Kestrel__Endpoints__grpc__Url"] = grpc;
        await using var service = new RunningProcess(Binaries.Service("Metrics"), environment);
        using var client = new HttpClient();

        await service.WaitUntilHealthyAsync(http, TimeSpan.FromSeconds(90));
        using var channel = GrpcChannel.ForAddress(grpc, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, TestActors.Credentials(TestActors.Admin)),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        var summary = await new GrpcMetrics.Metrics.MetricsClient(channel).GetSummaryAsync(new GrpcMetrics.GetSummaryQuery());

        Assert.Equal(0L, summary.RequestsDrafted);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{http}/alive")).StatusCode);
    }
}
