using MarketingDev.KnowledgeBase.Data;
using Microsoft.Extensions.Options;

namespace MarketingDev.KnowledgeBase.Features.Search;

/// <summary>Writes the misses <see cref="GapTally"/> counted, every KnowledgeBase:GapFlushInterval and once more on shutdown.</summary>
public sealed partial class GapTallyFlusher(GapTally tally, IServiceScopeFactory scopes, IOptions<KnowledgeOptions> options, TimeProvider clock, ILogger<GapTallyFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.GapFlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync flushes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await tally.FlushAsync(scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not add the counted misses to their gaps; they are kept for the next flush")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
