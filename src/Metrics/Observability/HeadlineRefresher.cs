using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Features;
using MarketingDev.Metrics.Formulas;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Observability;

/// <summary>
/// Recomputes the headline gauges every few seconds, so a scrape reads memory instead of running the formulas (and
/// Prometheus' scrape interval, not ours, decides how often that happens).
/// </summary>
public sealed partial class HeadlineRefresher(IServiceScopeFactory scopes, MetricInputsLoader loader, HeadlineMetrics headline, TimeProvider clock, ILogger<HeadlineRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>One refresh at a time: a slow refresh that read older inputs must not overwrite a later one's values.</summary>
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public async Task RefreshAsync(CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
            var inputs = await loader.LoadAsync(db, ct);
            var now = clock.GetUtcNow();
            headline.Update(MetricCatalog.ComputeAll(inputs, MetricWindow.Of(now - Window, now, now)),
                await db.Requests.LongCountAsync(r => r.FirstDeliveredAt != null, ct));
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may not be migrated yet at start-up, or be briefly away: the next tick tries again.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Refreshing the headline metrics failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
