using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace MarketingDev.KnowledgeBase.Features.Search;

/// <summary>
/// Publishes the search counts of this instance as one KnowledgeSearchesCounted event per interval (through the
/// outbox), and once more on shutdown. An interval with no search publishes nothing.
/// </summary>
public sealed class SearchCountFlusher(
    SearchCounter counter, IServiceScopeFactory scopes, IOptions<KnowledgeOptions> options, TimeProvider clock, ILogger<SearchCountFlusher> logger)
    : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}";
    private DateTimeOffset _periodStart;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _periodStart = clock.GetStoredUtcNow();
        using var timer = new PeriodicTimer(options.Value.SearchCountInterval, clock);
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

    internal async Task FlushAsync(CancellationToken ct)
    {
        var (searches, withResult) = counter.Take();
        if (searches == 0)
        {
            return;
        }

        var now = clock.GetStoredUtcNow();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
            db.Publish(new KnowledgeSearchesCounted(Guid.CreateVersion7(now), now, _periodStart, now, _instance, searches, withResult));
            await db.SaveChangesAsync(ct);
            _periodStart = now;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            counter.Restore(searches, withResult);
            logger.LogWarning(ex, "Could not store the search counts ({Searches} searches); they are kept for the next flush", searches);
        }
    }
}
