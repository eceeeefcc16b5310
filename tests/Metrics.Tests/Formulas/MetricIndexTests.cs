using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Features.Demo;
using MarketingDev.Metrics.Formulas;
using MarketingDev.Metrics.Projections;

namespace MarketingDev.Metrics.Tests.Formulas;

/// <summary>
/// The catalog gives each request formula only the rows that can count in the period (a range of the rows ordered by
/// the instant the formula counts them by): over a simulated half-year, every value equals the formula over every row.
/// </summary>
public sealed class MetricIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 16, 0, 0, TimeSpan.Zero);
    private static readonly DemoHistory History = DemoHistory.Generate(Now, requestsPerWeek: 12);
    private static readonly MetricInputs Inputs = InputsOf(History);

    /// <summary>Each request metric as its formula over all the rows of the team and type (what the catalog computed before it narrowed them).</summary>
    private static readonly Dictionary<string, Func<IReadOnlyList<RequestRow>, MetricWindow, double?>> OverEveryRow = new()
    {
        ["requestsDrafted"] = (r, w) => FlowFormulas.Drafted(r, w),
        ["requestsSubmitted"] = (r, w) => FlowFormulas.Submitted(r, w).Count,
        ["requestsDelivered"] = (r, w) => FlowFormulas.Delivered(r, w).Count,
        ["leadTimeMedian"] = (r, w) => Stats.Median(FlowFormulas.LeadTimes(r, w)),
        ["leadTimeP85"] = (r, w) => Stats.Percentile(FlowFormulas.LeadTimes(r, w), 0.85),
        ["cycleTimeMedian"] = (r, w) => Stats.Median(FlowFormulas.CycleTimes(r, w)),
        ["cycleTimeP85"] = (r, w) => Stats.Percentile(FlowFormulas.CycleTimes(r, w), 0.85),
        ["throughputPerWeek"] = FlowFormulas.ThroughputPerWeek,
        ["returnedForInformationRate"] = FlowFormulas.ReturnedRate,
        ["reworkRate"] = FlowFormulas.ReworkRate,
        ["clarificationRoundsPerDelivered"] = FlowFormulas.ClarificationRoundsPerDelivered,
        ["firstPassReadiness"] = FlowFormulas.FirstPassReadiness,
        ["estimateAccuracy"] = FlowFormulas.EstimateAccuracy,
        ["onTimeRate"] = FlowFormulas.OnTimeRate,
        ["postLaunchBugsPerDelivered"] = (r, w) => FlowFormulas.PostLaunchBugsPerDelivered(r, Inputs.Bugs, w),
        ["openRoadblocks"] = (r, w) => FlowFormulas.OpenRoadblocks(RoadblocksOf(r, w), w).Count,
        ["openRoadblockAgeMedian"] = (r, w) => FlowFormulas.OpenRoadblockAgeMedian(RoadblocksOf(r, w), w),
        ["scopingTimeMedian"] = (r, w) => Stats.Median(FlowFormulas.ScopingTimes(r, w)),
        ["reworkHoursPerMonth"] = FlowFormulas.ReworkHoursPerMonth,
    };

    public static TheoryData<int, int, string?, string?> Windows => new()
    {
        // days after the history's start, length in days, team, type
        { 0, 91, null, null },
        { 91, 91, null, null },
        { 0, 182, null, null },
        { -30, 400, null, null },
        { 40, 7, null, null },
        { 100, 1, null, null },
        { 150, 90, null, null },       // reaches past the history's end (and past now)
        { 30, 120, "growth", null },
        { 30, 120, "BRAND", "email" },
        { 0, 182, null, "landingPage" },
        { 0, 182, "nobody", null },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Catalog_OverNarrowedRows_EqualsEachFormulaOverEveryRow(int startDay, int days, string? team, string? type)
    {
        // Arrange
        var from = History.BaselineFrom.AddDays(startDay).AddHours(7);
        var window = MetricWindow.Of(from, from.AddDays(days), Now, team, type);
        var rows = FlowFormulas.Filter(Inputs.Requests, window);

        // Act
        var values = MetricCatalog.ComputeAll(Inputs, window);

        // Assert
        Assert.All(OverEveryRow, metric => Assert.Equal(metric.Value(rows, window), values[metric.Key]));
        Assert.True(values["requestsDrafted"] > 0 || team == "nobody" || days < 7);
    }

    [Fact]
    public void ComputeAll_AFinishedWindowAgain_GivesTheSameValues()
    {
        // Arrange: a period that is over, whose values the index keeps for these inputs.
        var window = MetricWindow.Of(History.BaselineFrom, History.BaselineTo, Now);
        var first = MetricCatalog.ComputeAll(Inputs, window);

        // Act
        var second = MetricCatalog.ComputeAll(Inputs, window);
        var fresh = MetricCatalog.ComputeAll(InputsOf(History), window);

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(first, fresh);
    }

    [Fact]
    public void Carry_SomeRowsChanged_GivesTheValuesOfAnIndexBuiltAnew()
    {
        // Arrange: inputs whose orderings are built, then the next version: requests and bugs changed, one of each gone, one new.
        var previous = InputsOf(History);
        var windows = new[] { (0, 182), (91, 91), (120, 30), (170, 12) }
            .Select(p => MetricWindow.Of(History.BaselineFrom.AddDays(p.Item1), History.BaselineFrom.AddDays(p.Item1 + p.Item2), Now)).ToList();
        windows.ForEach(w => MetricCatalog.ComputeAll(previous, w));
        var requests = previous.Requests.ToList();
        var bugs = previous.Bugs.ToList();
        var changed = new HashSet<Guid>();
        foreach (var i in new[] { 3, 50, 99, 150, requests.Count - 2 })
        {
            var moved = Moved(requests[i], TimeSpan.FromDays(i % 2 == 0 ? 20 : -9));
            requests[i] = moved;
            changed.Add(moved.RequestId);
            var bug = i % bugs.Count;
            bugs[bug] = new BugRow { BugId = bugs[bug].BugId, RequestId = moved.RequestId, ReportedAt = moved.FirstDeliveredAt?.AddDays(3) ?? bugs[bug].ReportedAt };
            changed.Add(bugs[bug].BugId);
        }

        changed.Add(requests[10].RequestId);
        requests.RemoveAt(10);
        changed.Add(bugs[10].BugId);
        bugs.RemoveAt(10);
        var added = Moved(requests[20], TimeSpan.FromDays(1));
        added.RequestId = Guid.NewGuid();
        requests.Add(added);
        changed.Add(added.RequestId);
        var next = previous with { Requests = requests, Bugs = bugs };

        // Act
        MetricIndex.Carry(previous, next, changed);

        // Assert: the same values as over new lists of the same rows, whose orderings are built from scratch.
        var built = next with { Requests = [.. requests], Bugs = [.. bugs] };
        Assert.All(windows, w => Assert.Equal(MetricCatalog.ComputeAll(built, w), MetricCatalog.ComputeAll(next, w)));
        Assert.NotEqual(MetricCatalog.ComputeAll(previous, windows[0]), MetricCatalog.ComputeAll(next, windows[0]));
    }

    /// <summary>A copy of the row with every instant (and moment) moved by shift.</summary>
    private static RequestRow Moved(RequestRow row, TimeSpan shift) => new()
    {
        RequestId = row.RequestId, Key = row.Key, Team = row.Team, Type = row.Type, Priority = row.Priority, LaunchDate = row.LaunchDate,
        DraftedAt = row.DraftedAt + shift, FirstSubmittedAt = row.FirstSubmittedAt + shift, WarningFindings = row.WarningFindings,
        FirstReadyAt = row.FirstReadyAt + shift, FirstInProgressAt = row.FirstInProgressAt + shift, FirstDeliveredAt = row.FirstDeliveredAt + shift,
        EstimateDays = row.EstimateDays, ActualDays = row.ActualDays, Returns = row.Returns, Reopens = row.Reopens, Clarifications = row.Clarifications,
        Moments = row.Moments.Select(m => new RequestMoment { Kind = m.Kind, At = m.At + shift, Days = m.Days }).ToList(),
    };

    private static IReadOnlyList<RoadblockRow> RoadblocksOf(IReadOnlyList<RequestRow> rows, MetricWindow window)
    {
        if (window.Team is null && window.Type is null)
        {
            return Inputs.Roadblocks;
        }

        var ids = rows.Select(r => r.RequestId).ToHashSet();
        return Inputs.Roadblocks.Where(b => ids.Contains(b.RequestId)).ToList();
    }

    private static MetricInputs InputsOf(DemoHistory history)
    {
        var rows = history.Events.GroupBy(EventCatalog.StreamOf).Select(s => Folds.Fold(s.Key.Kind, s.Key.StreamId, s.ToList())).ToList();
        return new MetricInputs(rows.OfType<RequestRow>().ToList(), rows.OfType<BugRow>().ToList(), rows.OfType<RoadblockRow>().ToList(),
            rows.OfType<MeetingRow>().ToList(), rows.OfType<ActionItemRow>().ToList(), rows.OfType<SessionRow>().ToList(),
            rows.OfType<SearchCountRow>().ToList(), rows.OfType<GapRow>().ToList(), rows.OfType<QuestionRow>().ToList(),
            rows.OfType<ArticleRow>().ToList(), [.. history.SurveyResponses], [.. history.Outcomes]);
    }
}
