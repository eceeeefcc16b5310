using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Formulas;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Features;

/// <summary>
/// Every projection row the formulas need, loaded untracked and kept in memory while the inputs version
/// (<see cref="InputsVersion"/>) stays the same: a read costs one primary-key lookup instead of loading every row
/// (a year of 100,000 events is thousands of request rows). One load at a time; concurrent readers wait for it.
/// Metrics:InputsCache=false loads every time (what bench/metrics.sh compares with).
/// </summary>
public sealed class MetricInputsLoader(IConfiguration configuration) : IDisposable
{
    private readonly bool _enabled = configuration.GetValue("Metrics:InputsCache", true);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (long Version, MetricInputs Inputs)? _cached;

    public async Task<MetricInputs> LoadAsync(MetricsDbContext db, CancellationToken ct)
    {
        if (!_enabled)
        {
            return await LoadRowsAsync(db, ct);
        }

        var version = await CurrentVersionAsync(db, ct);
        if (_cached is { } hit && hit.Version == version)
        {
            return hit.Inputs;
        }

        await _loading.WaitAsync(ct);
        try
        {
            // Another reader may have loaded it (or a later version) meanwhile.
            if (_cached is { } loaded && loaded.Version >= version)
            {
                return loaded.Inputs;
            }

            // Read the version again with the rows: changes after it only make the next reader load again.
            version = await CurrentVersionAsync(db, ct);
            var inputs = await LoadRowsAsync(db, ct);
            _cached = (version, inputs);
            return inputs;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Increments the version; call it inside the change's transaction, or after a change committed on its own.</summary>
    public static Task<int> BumpVersionAsync(MetricsDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"UPDATE inputs_version SET value = value + 1 WHERE id = {InputsVersion.SingletonId}", ct);

    private static Task<long> CurrentVersionAsync(MetricsDbContext db, CancellationToken ct) =>
        db.InputsVersions.AsNoTracking().Where(v => v.Id == InputsVersion.SingletonId).Select(v => v.Value).SingleAsync(ct);

    private static async Task<MetricInputs> LoadRowsAsync(MetricsDbContext db, CancellationToken ct) => new(
        await db.Requests.AsNoTracking().ToListAsync(ct),
        await db.Bugs.AsNoTracking().ToListAsync(ct),
        await db.Roadblocks.AsNoTracking().ToListAsync(ct),
        await db.Meetings.AsNoTracking().ToListAsync(ct),
        await db.ActionItems.AsNoTracking().ToListAsync(ct),
        await db.Sessions.AsNoTracking().ToListAsync(ct),
        await db.SearchCounts.AsNoTracking().ToListAsync(ct),
        await db.Gaps.AsNoTracking().ToListAsync(ct),
        await db.Questions.AsNoTracking().ToListAsync(ct),
        await db.Articles.AsNoTracking().ToListAsync(ct),
        await db.SurveyResponses.AsNoTracking().ToListAsync(ct),
        await db.Outcomes.AsNoTracking().ToListAsync(ct));

    public void Dispose() => _loading.Dispose();
}
