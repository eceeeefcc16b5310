using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using MarketingDev.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MarketingDev.AppHost;

/// <summary>
/// Once every service answers /health, prints where things are: the REST API, Swagger UI, the admin key's file (never
/// the key) and each service's endpoints. The dashboard's login URL is printed by Aspire itself as it starts.
/// </summary>
internal sealed class StartupReport(IServiceProvider services, IReadOnlyList<IResourceBuilder<ProjectResource>> projects, string data) : BackgroundService
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        try
        {
            foreach (var project in projects)
            {
                await notifications.WaitForResourceHealthyAsync(project.Resource.Name, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var lines = new List<string> { "", $"MarketingDev is up ({_clock.Elapsed.TotalSeconds:0.0} s).", "" };
        foreach (var project in projects)
        {
            var endpoints = project.Resource.Annotations.OfType<EndpointAnnotation>()
                .Where(e => e.AllocatedEndpoint is not null)
                .Select(e => $"{e.Name} {e.AllocatedEndpoint!.UriString}");
            lines.Add($"  {project.Resource.Name,-10} {string.Join("   ", endpoints)}");
        }

        var gateway = projects.Single(p => p.Resource.Name == ServiceNames.Gateway).GetEndpoint("http").Url;
        lines.Add("");
        lines.Add($"  REST API     {gateway}/api/v1");
        lines.Add($"  Swagger UI   {gateway}/swagger");
        lines.Add($"  Admin key    in {Path.Combine(data, "admin-api-key")}  (curl -H \"X-Api-Key: $(cat {Path.Combine(data, "admin-api-key")})\" …)");
        lines.Add("");
        lines.Add("The Aspire dashboard (its login link is above) shows every resource, its logs, traces and metrics. Ctrl+C stops everything.");
        await Console.Out.WriteLineAsync(string.Join(Environment.NewLine, lines));
    }
}
