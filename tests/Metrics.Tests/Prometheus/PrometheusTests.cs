using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.Metrics.Observability;
using MarketingDev.Metrics.Tests.Scenario;
using MarketingDev.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MarketingDev.Metrics.Features.Demo;
using static MarketingDev.Metrics.Features.Demo.EventScript;
using static MarketingDev.Metrics.Tests.Scenario.Script;

namespace MarketingDev.Metrics.Tests.Prometheus;

/// <summary>
/// Runs alone: a MeterProvider listens to meters by name across the whole process, so while another test class's
/// Metrics host is alive its headline gauges (same meter and instrument names) feed the same metric stream in this
/// host's exporter: an observable gauge keeps the last callback's value, and when that other host is disposed, its
/// meter's end ends the shared stream, so this host's series disappear from /metrics. In a deployment there is one
/// Metrics service per process.
/// This definition has no name, so it binds by type: a class joins it with [Collection(typeof(ScrapeAlone))]. Joined by
/// name ([Collection(typeof(ScrapeAlone))], as before), a class lands in a new untyped collection of that name that runs
/// in parallel with the others, which is how the headline gauge once went missing for 30 s in CI.
/// </summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class ScrapeAlone;

/// <summary>/metrics on the Metrics service: the headline metrics in Prometheus text format, as promtool accepts it.</summary>
[Collection(typeof(ScrapeAlone))]
public sealed class PrometheusTests : IAsyncLifetime
{
    private readonly MetricsFixture _fixture = new();

    public ValueTask InitializeAsync()
    {
        // The guard above is in effect (it was not while the class named its collection by a string).
        Assert.True((TestContext.Current.TestCollection as Xunit.v3.IXunitTestCollection)?.DisableParallelization,
            "PrometheusTests must run in a collection that runs alone");
        return _fixture.InitializeAsync();
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task MetricsEndpoint_Anonymous_ServesHeadlineMetricsThatPromtoolAccepts()
    {
        var now = DateTimeOffset.UtcNow;
        var request = new RequestScript("MKT-9", "growth", "landingPage", null)
            .Drafted(now.AddDays(-3)).Submitted(now.AddDays(-3), 0).Reviewed(now.AddDays(-2.5), now.AddDays(-2)).Started(now.AddDays(-1.5))
            .Roadblock(now.AddDays(-1.4)).Delivered(now.AddDays(-1), 2, 1);
        foreach (var e in request.Events)
        {
            await _fixture.PublishAsync(e);
        }

        await Eventually.ReturnsAsync(_fixture.StoredEventsAsync, n => n == request.Events.Count, "the events to be stored");
        await _fixture.MetricsHost.Services.GetServices<IHostedService>().OfType<HeadlineRefresher>().Single().RefreshAsync(TestContext.Current.CancellationToken);
        await _fixture.Metrics.GetSummaryAsync(new Contracts.Grpc.Metrics.GetSummaryQuery());
        using var http = _fixture.MetricsHost.CreateClient();

        var scrape = await Eventually.ReturnsAsync(() => http.GetAsync("/metrics"), r => r.IsSuccessStatusCode, "/metrics to answer");
        var text = await scrape.Content.ReadAsStringAsync();
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "marketingdev-metrics-scrape.txt"), text);
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);

        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        Assert.Contains("marketingdev_requests_delivered_total", text);
        Assert.Contains("marketingdev_metrics_events_stored_total{", text);
        Assert.Contains("marketingdev_request_lead_time_seconds{", text);
        Assert.Contains("statistic=\"p85\"", text);
        Assert.Contains("marketingdev_roadblocks_open", text);
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}):\n{output}\n--- exposition ---\n{text}");
    }

    [Fact]
    public async Task Prometheus_ScrapingTheMetricsService_SeesTheTargetUp_AndAHeadlineValue()
    {
        var request = new RequestScript("MKT-8", "growth", "landingPage", null).Drafted(DateTimeOffset.UtcNow.AddDays(-1)).Roadblock(DateTimeOffset.UtcNow.AddHours(-5));
        foreach (var e in request.Events)
        {
            await _fixture.PublishAsync(e);
        }

        await Eventually.ReturnsAsync(_fixture.StoredEventsAsync, n => n == request.Events.Count, "the events to be stored");
        await _fixture.MetricsHost.Services.GetServices<IHostedService>().OfType<HeadlineRefresher>().Single().RefreshAsync(TestContext.Current.CancellationToken);
        using var proxy = new ScrapeProxy(_fixture.MetricsHost.CreateClient());
        await using var prometheus = PrometheusServer.Start("metrics", proxy.Address);
        using var api = new HttpClient { BaseAddress = prometheus.Address };

        var up = await Eventually.ReturnsAsync(() => QueryAsync(api, "up{job=\"metrics\"}"), v => v == "1", "Prometheus to scrape the target", TimeSpan.FromSeconds(60));
        string? roadblocks;
        try
        {
            roadblocks = await Eventually.ReturnsAsync(() => QueryAsync(api, "marketingdev_roadblocks_open"), v => v is not null and not "0",
                "the headline gauge in Prometheus", TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException timeout)
        {
            var exposition = proxy.LastScrape.Split('\n').Where(l => l.Contains("roadblocks", StringComparison.Ordinal) || !l.StartsWith('#'))
                .Where(l => !l.StartsWith("http_", StringComparison.Ordinal) && !l.StartsWith("dotnet_", StringComparison.Ordinal) && !l.StartsWith("aspnetcore_", StringComparison.Ordinal));
            throw new TimeoutException(string.Join(Environment.NewLine,
                [timeout.Message, "The Metrics service logged:", .. _fixture.MetricsHost.Logs.WarningsAndErrors(), "The last scrape (headline lines):", .. exposition]), timeout);
        }

        Assert.Equal("1", up);
        Assert.Equal("1", roadblocks);
    }

    /// <summary>The first sample's value of an instant query, or null while there is none (or Prometheus is still starting).</summary>
    private static async Task<string?> QueryAsync(HttpClient api, string query)
    {
        try
        {
            var answer = await api.GetFromJsonAsync<JsonElement>("api/v1/query?query=" + Uri.EscapeDataString(query));
            var result = answer.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 0 ? null : result[0].GetProperty("value")[1].GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
