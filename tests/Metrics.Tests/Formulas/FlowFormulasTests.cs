using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Formulas;

namespace MarketingDev.Metrics.Tests.Formulas;

/// <summary>The flow formulas over hand-built rows; the period is the four weeks from Monday 2026-03-02.</summary>
public sealed class FlowFormulasTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly MetricWindow Window = MetricWindow.Of(Day0, Day0.AddDays(28), Day0.AddDays(100));

    private static DateTimeOffset D(double day) => Day0.AddDays(day);

    private static RequestRow Row(double? submitted = null, double? inProgress = null, double? delivered = null, int returns = 0, int reopens = 0,
        int clarifications = 0, int? warnings = 0, double? estimate = null, int? actual = null, int? launchDay = null, string team = "growth", string type = "landingPage") => new()
    {
        RequestId = Guid.NewGuid(),
        Team = team,
        Type = type,
        FirstSubmittedAt = submitted is { } s ? D(s) : null,
        FirstInProgressAt = inProgress is { } p ? D(p) : null,
        FirstDeliveredAt = delivered is { } d ? D(d) : null,
        Returns = returns,
        Reopens = reopens,
        Clarifications = clarifications,
        WarningFindings = warnings,
        EstimateDays = estimate,
        ActualDays = actual,
        LaunchDate = launchDay is { } l ? DateOnly.FromDateTime(D(l).UtcDateTime) : null,
    };

    public static TheoryData<string, RequestRow[], double?> Cases => new()
    {
        // name, rows, expected
        { "leadTimeMedian", [Row(0, delivered: 7), Row(1, delivered: 15), Row(7, delivered: 23)], 14 },
        { "leadTimeMedian", [Row(-10, delivered: -1), Row(20, delivered: 30)], null },                 // delivered outside the period
        { "leadTimeMedian", [Row(null, delivered: 5)], null },                                         // never submitted
        { "cycleTimeMedian", [Row(0, 3, 7), Row(1, 9, 15)], 5 },
        { "throughputPerWeek", [Row(0, delivered: 7), Row(0, delivered: 8)], 0.5 },
        { "throughputPerWeek", [], 0 },
        { "returnedForInformationRate", [Row(0, returns: 2), Row(1), Row(2), Row(3)], 0.25 },
        { "returnedForInformationRate", [], null },
        { "reworkRate", [Row(0, delivered: 7, reopens: 1), Row(0, delivered: 8)], 0.5 },
        { "clarificationRoundsPerDelivered", [Row(0, delivered: 7, clarifications: 3), Row(0, delivered: 8)], 1.5 },
        { "firstPassReadiness", [Row(0, warnings: 0), Row(0, warnings: 1), Row(0, returns: 1), Row(0, warnings: null)], 0.25 },
        { "estimateAccuracy", [Row(0, delivered: 7, estimate: 4, actual: 4), Row(0, delivered: 8, estimate: 2, actual: 4), Row(0, delivered: 9, estimate: 5, actual: 8)], 1.6 },
        { "estimateAccuracy", [Row(0, delivered: 7, actual: 4)], null },                              // no estimate
        { "onTimeRate", [Row(0, delivered: 7, launchDay: 7), Row(0, delivered: 9.5, launchDay: 8), Row(0, delivered: 9)], 0.5 },
        { "onTimeRate", [Row(0, delivered: 8.9, launchDay: 8)], 1 },                                 // later that same day is on time
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Formula_OverRows_GivesTheHandComputedValue(string metric, RequestRow[] rows, double? expected)
    {
        var inputs = MetricInputs.Empty with { Requests = rows };

        var actual = MetricCatalog.Find(metric)!.Compute(new MetricContext(inputs, Window));

        Assert.Equal(expected, actual is { } v ? Math.Round(v, 9) : null);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(37, true)]     // exactly 30 days after delivery on day 7
    [InlineData(37.01, false)]
    [InlineData(6, false)]     // before delivery
    public void PostLaunchBugs_CountsBugsWithin30DaysOfFirstDelivery(double reportedDay, bool counted)
    {
        var row = Row(0, delivered: 7);
        var bugs = new[] { new BugRow { BugId = Guid.NewGuid(), RequestId = row.RequestId, ReportedAt = D(reportedDay) } };

        Assert.Equal(counted ? 1 : 0, FlowFormulas.PostLaunchBugs([row], bugs, Window));
    }

    [Fact]
    public void OpenRoadblocks_AtTheEndOfThePeriod_AndTheirMedianAge()
    {
        RoadblockRow[] roadblocks =
        [
            new() { RoadblockId = Guid.NewGuid(), RaisedAt = D(10) },
            new() { RoadblockId = Guid.NewGuid(), RaisedAt = D(20) },
            new() { RoadblockId = Guid.NewGuid(), RaisedAt = D(5), ResolvedAt = D(6) },
            new() { RoadblockId = Guid.NewGuid(), RaisedAt = D(2), ResolvedAt = D(30) }, // resolved after the period
            new() { RoadblockId = Guid.NewGuid(), RaisedAt = D(29) },                    // raised after it
        ];

        Assert.Equal(3, FlowFormulas.OpenRoadblocks(roadblocks, Window).Count);
        Assert.Equal(18, FlowFormulas.OpenRoadblockAgeMedian(roadblocks, Window)); // ages 18, 8, 26
    }

    [Theory]
    [InlineData("growth", null, 2)]
    [InlineData("GROWTH", null, 2)]
    [InlineData(null, "email", 1)]
    [InlineData("brand", "email", 1)]
    [InlineData("brand", "landingPage", 0)]
    public void Filter_ByTeamAndType_NarrowsRequests(string? team, string? type, int expected)
    {
        RequestRow[] rows = [Row(0), Row(1), Row(2, team: "brand", type: "email")];

        Assert.Equal(expected, FlowFormulas.Filter(rows, Window with { Team = team, Type = type }).Count);
    }

    [Fact]
    public void ReworkHoursPerMonth_SumsReworkMomentsInThePeriod_AsEightHourDaysPer30Days()
    {
        var row = Row(0);
        row.Moments.AddRange([
            new RequestMoment { Kind = RequestMoment.Rework, At = D(4), Days = 2 },
            new RequestMoment { Kind = RequestMoment.Rework, At = D(18), Days = 1.5 },
            new RequestMoment { Kind = RequestMoment.Rework, At = D(40), Days = 9 },
            new RequestMoment { Kind = RequestMoment.Returned, At = D(2) },
        ]);

        Assert.Equal(30.0, FlowFormulas.ReworkHoursPerMonth([row], Window)); // 3.5 × 8 = 28 h in 28 days → 30 h per 30 days
    }
}
