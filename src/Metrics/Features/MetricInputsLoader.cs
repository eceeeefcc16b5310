using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Formulas;
using MarketingDev.Metrics.Projections;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Features;

/// <summary>
/// Every projection row the formulas need, kept in memory while the inputs version (<see cref="InputsVersion"/>) stays
/// the same: a read costs one primary-key lookup instead of loading every row (a year of 100,000 events is thousands of
/// request rows). When the version moved, only the rows the changes since the kept version name (<see cref="InputsChange"/>)
/// are read again, so a write costs the next reader a few rows; a rebuild, or a reader too far behind, reloads all.
/// One refresh at a time; concurrent readers wait for it. Metrics:InputsCache=false loads everything on every read (what
/// bench/metrics.sh compares with).
/// </summary>
public sealed class MetricInputsLoader(IConfiguration configuration) : IDisposable
{
    private const int KeptChanges = 10_000;

    private readonly bool _enabled = configuration.GetValue("Metrics:InputsCache", true);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _cached;

    public async Task<MetricInputs> LoadAsync(MetricsDbContext db, CancellationToken ct)
    {
        if (!_enabled)
        {
            return (await Snapshot.LoadAsync(db, 0, ct)).Inputs;
        }

        var version = await CurrentVersionAsync(db, ct);
        if (_cached is { } hit && hit.Version == version)
        {
            return hit.Inputs;
        }

        await _loading.WaitAsync(ct);
        try
        {
            // Another reader may have refreshed it (to this or a later version) meanwhile.
            if (_cached is { } refreshed && refreshed.Version >= version)
            {
                return refreshed.Inputs;
            }

            _cached = _cached is { } kept && await kept.RefreshAsync(db, ct) is { } updated
                ? updated
                : await Snapshot.LoadAsync(db, await CurrentVersionAsync(db, ct), ct);
            return _cached.Inputs;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// Takes the next version for a change of one row (kind: a stream kind, SurveyResponse or Outcome) or of all
    /// (<see cref="InputsChange.All"/>). Call it inside the change's transaction, or after a change committed on its own.
    /// </summary>
    public static Task<int> RecordChangeAsync(MetricsDbContext db, string kind, Guid id, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""
             WITH v AS (UPDATE inputs_version SET value = value + 1 WHERE id = {InputsVersion.SingletonId} RETURNING value),
             pruned AS (DELETE FROM inputs_changes WHERE version <= (SELECT value FROM v) - {KeptChanges})
             INSERT INTO inputs_changes (version, kind, id) SELECT value, {kind}, {id} FROM v
             """, ct);

    private static Task<long> CurrentVersionAsync(MetricsDbContext db, CancellationToken ct) =>
        db.InputsVersions.AsNoTracking().Where(v => v.Id == InputsVersion.SingletonId).Select(v => v.Value).SingleAsync(ct);

    public void Dispose() => _loading.Dispose();

    /// <summary>The rows by id, per kind, as of a version; Inputs is the formulas' view of them (lists that are never changed).</summary>
    private sealed class Snapshot
    {
        private readonly Dictionary<string, Table> _tables;

        /// <param name="previous">The snapshot this one refreshes: the lists of the kinds that did not change are its lists, so
        /// what is kept per list (<see cref="MetricIndex"/>: the orderings of requests and bugs) is kept too.</param>
        /// <param name="changed">The kinds with changed rows (with previous).</param>
        private Snapshot(long version, Dictionary<string, Table> tables, Snapshot? previous = null, IReadOnlySet<string>? changed = null)
        {
            Version = version;
            _tables = tables;
            IReadOnlyList<T> Rows<T>(object kind, Func<MetricInputs, IReadOnlyList<T>> kept) =>
                previous is not null && changed?.Contains(kind.ToString()!) == false ? kept(previous.Inputs) : ListOf<T>(kind);
            Inputs = new MetricInputs(
                Rows(StreamKind.Request, i => i.Requests), Rows(StreamKind.Bug, i => i.Bugs), Rows(StreamKind.Roadblock, i => i.Roadblocks),
                Rows(StreamKind.Meeting, i => i.Meetings), Rows(StreamKind.ActionItem, i => i.ActionItems), Rows(StreamKind.Session, i => i.Sessions),
                Rows(StreamKind.SearchCount, i => i.SearchCounts), Rows(StreamKind.Gap, i => i.Gaps), Rows(StreamKind.Question, i => i.Questions),
                Rows(StreamKind.Article, i => i.Articles), Rows(InputsChange.SurveyResponse, i => i.SurveyResponses), Rows(InputsChange.Outcome, i => i.Outcomes));
        }

        public long Version { get; }

        public MetricInputs Inputs { get; }

        /// <summary>Every row. Read the version first: a change committed after it only makes the next reader refresh again.</summary>
        public static async Task<Snapshot> LoadAsync(MetricsDbContext db, long version, CancellationToken ct)
        {
            var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
            foreach (var table in Table.All)
            {
                tables[table.Kind] = table with { Rows = (await table.LoadAsync(db, null, ct)).ToDictionary(table.Key) };
            }

            return new Snapshot(version, tables);
        }

        /// <summary>This snapshot with the rows changed since it read again; null when they are not all known (reload instead).</summary>
        public async Task<Snapshot?> RefreshAsync(MetricsDbContext db, CancellationToken ct)
        {
            var changes = await db.InputsChanges.AsNoTracking().Where(c => c.Version > Version).OrderBy(c => c.Version).ToListAsync(ct);
            if (changes.Count == 0 || changes[0].Version != Version + 1 || changes.Any(c => c.Kind == InputsChange.All)
                || changes.Any(c => !_tables.ContainsKey(c.Kind)))
            {
                return null;
            }

            var tables = new Dictionary<string, Table>(_tables, StringComparer.Ordinal);
            foreach (var kind in changes.GroupBy(c => c.Kind))
            {
                var table = tables[kind.Key];
                var ids = kind.Select(c => c.Id).Distinct().ToList();
                var rows = new Dictionary<Guid, object>(table.Rows);
                ids.ForEach(id => rows.Remove(id));
                foreach (var row in await table.LoadAsync(db, ids, ct))
                {
                    rows[table.Key(row)] = row;
                }

                tables[kind.Key] = table with { Rows = rows };
            }

            var refreshed = new Snapshot(changes[^1].Version, tables, this, changes.Select(c => c.Kind).ToHashSet(StringComparer.Ordinal));
            MetricIndex.Carry(Inputs, refreshed.Inputs, changes.Select(c => c.Id).ToHashSet());
            return refreshed;
        }

        private List<T> ListOf<T>(object kind) => _tables[kind.ToString()!].Rows.Values.Cast<T>().ToList();
    }

    /// <summary>One kind of input row: how to read all of them, or some by id, and the id of one.</summary>
    private sealed record Table(string Kind, Func<object, Guid> Key, Func<MetricsDbContext, List<Guid>?, CancellationToken, Task<List<object>>> LoadAsync)
    {
        public Dictionary<Guid, object> Rows { get; init; } = new();

        public static readonly IReadOnlyList<Table> All =
        [
            Of(StreamKind.Request, db => db.Requests, r => r.RequestId),
            Of(StreamKind.Bug, db => db.Bugs, r => r.BugId),
            Of(StreamKind.Roadblock, db => db.Roadblocks, r => r.RoadblockId),
            Of(StreamKind.Meeting, db => db.Meetings, r => r.MeetingId),
            Of(StreamKind.ActionItem, db => db.ActionItems, r => r.ActionItemId),
            Of(StreamKind.Session, db => db.Sessions, r => r.SessionId),
            Of(StreamKind.SearchCount, db => db.SearchCounts, r => r.EventId),
            Of(StreamKind.Gap, db => db.Gaps, r => r.GapId),
            Of(StreamKind.Question, db => db.Questions, r => r.QuestionId),
            Of(StreamKind.Article, db => db.Articles, r => r.ArticleId),
            Of(InputsChange.SurveyResponse, db => db.SurveyResponses, r => r.Id),
            Of(InputsChange.Outcome, db => db.Outcomes, r => r.Id),
        ];

        private static Table Of<T>(object kind, Func<MetricsDbContext, IQueryable<T>> set, System.Linq.Expressions.Expression<Func<T, Guid>> key)
            where T : class
        {
            var id = key.Compile();
            var parameter = key.Parameters[0];
            return new Table(kind.ToString()!, row => id((T)row), async (db, ids, ct) =>
            {
                var rows = set(db).AsNoTracking();
                if (ids is not null)
                {
                    // ids.Contains(key(row)), built from the key expression; the list is read through a member, as a captured
                    // variable is, so EF Core sends it as one array parameter (= ANY(@ids)).
                    var holder = new { Ids = ids };
                    var list = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Constant(holder), nameof(holder.Ids));
                    var contains = System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], list, key.Body);
                    rows = rows.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, parameter));
                }

                return (await rows.ToListAsync(ct)).Cast<object>().ToList();
            });
        }
    }
}
