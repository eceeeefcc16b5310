using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MarketingDev.Metrics.Domain;

namespace MarketingDev.Metrics.Formulas;

/// <summary>
/// What a set of inputs is worth computing once rather than on every read: the request rows of each scope (all, or one
/// team and type) ordered by the instants the formulas count them by, the bugs by report, and the metrics of periods
/// that are over (their values can only change with the inputs). Built on first use and kept as long as the inputs
/// are (the loader keeps one set of inputs per inputs version). The orderings of all requests and of the bugs are kept
/// per row list, so inputs that share an unchanged list with the previous version (a write changes one kind of row)
/// share them too.
/// </summary>
public sealed class MetricIndex
{
    /// <summary>Scopes and finished periods kept per inputs; beyond this many the cache starts again (requests name any team).</summary>
    private const int MaxEntries = 256;

    private static readonly ConditionalWeakTable<MetricInputs, MetricIndex> Indexes = [];
    private static readonly ConditionalWeakTable<IReadOnlyList<RequestRow>, RequestScope> AllRequests = [];
    private static readonly ConditionalWeakTable<IReadOnlyList<BugRow>, Timeline<BugRow>> BugTimelines = [];

    private readonly MetricInputs _inputs;
    private readonly ConcurrentDictionary<(string? Team, string? Type), (RequestScope Scope, IReadOnlyList<RoadblockRow> Roadblocks)> _scopes = new();
    private readonly ConcurrentDictionary<MetricWindow, IReadOnlyDictionary<string, double?>> _finished = new();

    private MetricIndex(MetricInputs inputs) => _inputs = inputs;

    public static MetricIndex Of(MetricInputs inputs) => Indexes.GetValue(inputs, i => new MetricIndex(i));

    /// <summary>Bugs by the instant they were reported.</summary>
    public Timeline<BugRow> Bugs => BugTimelines.GetValue(_inputs.Bugs, bugs => new Timeline<BugRow>(bugs, b => b.ReportedAt));

    /// <summary>The requests of a team and type (null: any), ordered for the request formulas.</summary>
    public RequestScope Scope(string? team, string? type) =>
        team is null && type is null ? AllRequests.GetValue(_inputs.Requests, rows => new RequestScope(rows)) : Filtered(team, type).Scope;

    /// <summary>The roadblocks of the requests of a team and type (all of them for any).</summary>
    public IReadOnlyList<RoadblockRow> Roadblocks(string? team, string? type) =>
        team is null && type is null ? _inputs.Roadblocks : Filtered(team, type).Roadblocks;

    /// <summary>
    /// Makes what is kept for a list of requests and one of bugs (their orderings) the next lists' too, updated for the
    /// changed rows (by id; the next lists hold them as they are now, or not if they are gone) rather than built again:
    /// after a write, the next reader pays for the changed rows, not for sorting a year of them.
    /// </summary>
    public static void Carry(MetricInputs previous, MetricInputs next, IReadOnlySet<Guid> changed)
    {
        if (!ReferenceEquals(previous.Requests, next.Requests) && AllRequests.TryGetValue(previous.Requests, out var scope))
        {
            AllRequests.AddOrUpdate(next.Requests, scope.Replace(next.Requests, changed, next.Requests.Where(r => changed.Contains(r.RequestId)).ToList()));
        }

        if (!ReferenceEquals(previous.Bugs, next.Bugs) && BugTimelines.TryGetValue(previous.Bugs, out var bugs))
        {
            BugTimelines.AddOrUpdate(next.Bugs, bugs.Replace(b => changed.Contains(b.BugId), next.Bugs.Where(b => changed.Contains(b.BugId)).ToList()));
        }
    }

    /// <summary>
    /// The metrics of a window, computed once per inputs when the window is over (its values then depend on the inputs
    /// alone: the baseline, the previous period, past timeseries buckets); a window that reaches now is computed each time.
    /// </summary>
    public IReadOnlyDictionary<string, double?> Metrics(MetricWindow window, Func<IReadOnlyDictionary<string, double?>> compute)
    {
        if (window.AsOf != window.To)
        {
            return compute();
        }

        if (_finished.TryGetValue(window, out var values))
        {
            return values;
        }

        if (_finished.Count >= MaxEntries)
        {
            _finished.Clear();
        }

        return _finished.GetOrAdd(window, compute());
    }

    private (RequestScope Scope, IReadOnlyList<RoadblockRow> Roadblocks) Filtered(string? team, string? type)
    {
        if (_scopes.TryGetValue((team, type), out var scoped))
        {
            return scoped;
        }

        if (_scopes.Count >= MaxEntries)
        {
            _scopes.Clear();
        }

        var scope = new RequestScope(FlowFormulas.Filter(_inputs.Requests, new MetricWindow(default, default, default, team, type)));
        return _scopes.GetOrAdd((team, type), (scope, _inputs.Roadblocks.Where(b => scope.Ids.Contains(b.RequestId)).ToList()));
    }
}
