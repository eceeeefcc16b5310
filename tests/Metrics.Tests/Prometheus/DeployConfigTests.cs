using System.Text.Json;

namespace MarketingDev.Metrics.Tests.Prometheus;

/// <summary>deploy/: the scrape configuration Prometheus accepts, and a Grafana dashboard over metrics that exist.</summary>
public sealed class DeployConfigTests
{
    private static readonly string Deploy = Path.Combine(RepositoryRoot(), "deploy");

    [Fact]
    public async Task PrometheusConfig_PassesPromtool_AndScrapesTheFiveServices()
    {
        var file = Path.Combine(Deploy, "prometheus", "prometheus.yml");

        var (exitCode, output) = await Promtool.CheckConfigAsync(file);

        Assert.True(exitCode == 0, output);
        var text = await File.ReadAllTextAsync(file);
        Assert.All(new[] { "gateway", "requests", "meetings", "knowledge", "metrics" }, job => Assert.Contains($"job_name: {job}", text));
    }

    [Fact]
    public async Task GrafanaDashboard_ChartsTheHeadlineMetrics()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Deploy, "grafana", "dashboards", "marketingdev.json")));

        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();

        foreach (var metric in new[] { "marketingdev_request_lead_time_seconds", "marketingdev_requests_returned_ratio", "marketingdev_requests_rework_ratio",
                     "marketingdev_knowledge_self_service_ratio", "marketingdev_roadblocks_open", "marketingdev_collaboration_score", "marketingdev_requests_delivered_total" })
        {
            Assert.Contains(expressions, e => e.Contains(metric, StringComparison.Ordinal));
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MarketingDev.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MarketingDev.sln not found above " + AppContext.BaseDirectory);
    }
}
