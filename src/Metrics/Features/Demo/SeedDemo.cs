using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Features;
using MarketingDev.Metrics.Projections;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Features.Demo;

public sealed record SeedDemoResult(int Events, int EventsStored, int SurveyResponsesStored, int OutcomesStored, bool BaselineSet);

/// <summary>
/// Writes a <see cref="DemoHistory"/> into the event store as if its events had been consumed (each event once by its
/// id, each stream refolded once), adds its survey answers and outcomes with their own ids,
/// and sets the baseline to its first half when none is set. Seeding the same history again stores nothing.
/// The public API stamps the current time on everything it records, which is why the demo writes here: a history
/// needs its past instants.
/// </summary>
public sealed class SeedDemoHandler(MetricsDbContext db, EventStore store, TimeProvider clock)
{
    public async Task<SeedDemoResult> HandleAsync(DemoHistory history, CancellationToken ct)
    {
        var stored = 0;
        // A few hundred streams per transaction: a year of 100,000 events (the benchmark's) commits in minutes, not hours.
        foreach (var streams in history.Events.GroupBy(EventCatalog.StreamOf).Chunk(200))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var stream in streams)
            {
                stored += await store.AppendStreamAsync(stream.ToList(), ct);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(ct);
        }

        var surveyIds = history.SurveyResponses.Select(r => r.Id).ToList();
        var knownSurveys = (await db.SurveyResponses.Where(r => surveyIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var newSurveys = history.SurveyResponses.Where(r => !knownSurveys.Contains(r.Id)).ToList();
        db.SurveyResponses.AddRange(newSurveys);
        var outcomeIds = history.Outcomes.Select(o => o.Id).ToList();
        var knownOutcomes = (await db.Outcomes.Where(o => outcomeIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var newOutcomes = history.Outcomes.Where(o => !knownOutcomes.Contains(o.Id)).ToList();
        db.Outcomes.AddRange(newOutcomes);
        var setBaseline = !await db.Baselines.AnyAsync(ct);
        if (setBaseline)
        {
            db.Baselines.Add(new BaselinePeriod { From = history.BaselineFrom, To = history.BaselineTo, SetAt = clock.GetStoredUtcNow(), SetBy = "demo seed" });
        }

        await db.SaveChangesAsync(ct);
        await MetricInputsLoader.RecordChangeAsync(db, InputsChange.All, Guid.Empty, ct);
        return new SeedDemoResult(history.Events.Count, stored, newSurveys.Count, newOutcomes.Count, setBaseline);
    }
}

/// <summary>
/// `MarketingDev.Metrics --seed-demo` (the AppHost's `--seed-demo` runs it once the Metrics service is up, so its
/// database is migrated): seeds the demo history and exits. Demo:RequestsPerWeek, Demo:Quarters and Demo:Seed change
/// its size and draw (the benchmark's year of 100,000 events).
/// </summary>
public static partial class DemoSeed
{
    public const string Argument = "--seed-demo";

    public static async Task RunAsync(WebApplication app)
    {
        var config = app.Configuration.GetSection("Demo");
        var history = DemoHistory.Generate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
            config.GetValue("Seed", DemoHistory.DefaultSeed), config.GetValue("RequestsPerWeek", 4), config.GetValue("Quarters", 1));
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(history, CancellationToken.None);
        LogSeeded(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DemoSeed"), result.EventsStored, result.Events,
            result.SurveyResponsesStored, result.OutcomesStored, history.BaselineFrom, history.BaselineTo, history.End);
    }

    [LoggerMessage(LogLevel.Warning, "Demo seeded: {Stored} of {Events} events new, {Surveys} survey answers and {Outcomes} outcomes new; baseline {From:yyyy-MM-dd} to {To:yyyy-MM-dd}, history ends {End:yyyy-MM-dd}")]
    private static partial void LogSeeded(ILogger logger, int stored, int events, int surveys, int outcomes, DateTimeOffset from, DateTimeOffset to, DateTimeOffset end);
}
