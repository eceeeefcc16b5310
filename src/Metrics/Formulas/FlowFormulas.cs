using MarketingDev.Metrics.Domain;

namespace MarketingDev.Metrics.Formulas;

/// <summary>
/// Delivery flow over request rows already narrowed to the window's team and type. Each request is counted in the
/// period of the event that defines the metric: submissions by first submission, deliveries by first delivery.
/// </summary>
public static class FlowFormulas
{
    public const int PostLaunchBugDays = 30;
    public const double HoursPerWorkingDay = 8;

    public static IReadOnlyList<RequestRow> Filter(IEnumerable<RequestRow> rows, MetricWindow w) =>
        rows.Where(r => (w.Team is null || string.Equals(r.Team, w.Team, StringComparison.OrdinalIgnoreCase))
                        && (w.Type is null || string.Equals(r.Type, w.Type, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The requests with a drafting, first submission, readiness or delivery, or a moment, in the period.</summary>
    public static IReadOnlyList<RequestRow> Active(IEnumerable<RequestRow> rows, MetricWindow w) =>
        rows.Where(r => w.Contains(r.DraftedAt) || w.Contains(r.FirstSubmittedAt) || w.Contains(r.FirstReadyAt) || w.Contains(r.FirstDeliveredAt)
                        || r.Moments.Exists(m => w.Contains(m.At))).ToList();

    public static List<RequestRow> Submitted(IEnumerable<RequestRow> rows, MetricWindow w) => rows.Where(r => w.Contains(r.FirstSubmittedAt)).ToList();

    public static List<RequestRow> Delivered(IEnumerable<RequestRow> rows, MetricWindow w) => rows.Where(r => w.Contains(r.FirstDeliveredAt)).ToList();

    public static int Drafted(IEnumerable<RequestRow> rows, MetricWindow w) => rows.Count(r => w.Contains(r.DraftedAt));

    // Each formula comes twice: over any rows and a window (what the tests and the README define), and over the rows
    // already selected for the window ("Of": the catalog's ranges, which MetricContext selects once per window and
    // shares, so a year's summary does not filter the same thousands of rows again for every metric).

    /// <summary>Submitted → first delivered, in days, for requests first delivered in the period.</summary>
    public static IEnumerable<double> LeadTimes(IEnumerable<RequestRow> rows, MetricWindow w) => LeadTimesOf(Delivered(rows, w));

    public static IEnumerable<double> LeadTimesOf(IEnumerable<RequestRow> delivered) =>
        delivered.Where(r => r.FirstSubmittedAt is not null).Select(r => (r.FirstDeliveredAt!.Value - r.FirstSubmittedAt!.Value).TotalDays);

    /// <summary>First in progress → first delivered, in days.</summary>
    public static IEnumerable<double> CycleTimes(IEnumerable<RequestRow> rows, MetricWindow w) => CycleTimesOf(Delivered(rows, w));

    public static IEnumerable<double> CycleTimesOf(IEnumerable<RequestRow> delivered) =>
        delivered.Where(r => r.FirstInProgressAt is not null).Select(r => (r.FirstDeliveredAt!.Value - r.FirstInProgressAt!.Value).TotalDays);

    /// <summary>Submitted → first ready (scoping), in days, for requests first ready in the period.</summary>
    public static IEnumerable<double> ScopingTimes(IEnumerable<RequestRow> rows, MetricWindow w) => ScopingTimesOf(rows.Where(r => w.Contains(r.FirstReadyAt)));

    public static IEnumerable<double> ScopingTimesOf(IEnumerable<RequestRow> ready) =>
        ready.Where(r => r.FirstSubmittedAt is not null).Select(r => (r.FirstReadyAt!.Value - r.FirstSubmittedAt!.Value).TotalDays);

    public static double? ThroughputPerWeek(IEnumerable<RequestRow> rows, MetricWindow w) => ThroughputPerWeekOf(Delivered(rows, w), w);

    public static double? ThroughputPerWeekOf(IReadOnlyCollection<RequestRow> delivered, MetricWindow w) => Stats.Ratio(delivered.Count, w.Weeks);

    /// <summary>Share of the requests submitted in the period that were sent back to draft at least once.</summary>
    public static double? ReturnedRate(IEnumerable<RequestRow> rows, MetricWindow w) => ReturnedRateOf(Submitted(rows, w));

    public static double? ReturnedRateOf(IReadOnlyCollection<RequestRow> submitted) => Stats.Share(submitted, r => r.Returns > 0);

    /// <summary>Share of the requests delivered in the period that were reopened at least once.</summary>
    public static double? ReworkRate(IEnumerable<RequestRow> rows, MetricWindow w) => ReworkRateOf(Delivered(rows, w));

    public static double? ReworkRateOf(IReadOnlyCollection<RequestRow> delivered) => Stats.Share(delivered, r => r.Reopens > 0);

    public static double? ClarificationRoundsPerDelivered(IEnumerable<RequestRow> rows, MetricWindow w) => ClarificationRoundsOf(Delivered(rows, w));

    public static double? ClarificationRoundsOf(IEnumerable<RequestRow> delivered) => Stats.Mean(delivered.Select(r => (double)r.Clarifications));

    /// <summary>Share of the requests submitted in the period with no warning finding at submission and never returned.</summary>
    public static double? FirstPassReadiness(IEnumerable<RequestRow> rows, MetricWindow w) => FirstPassReadinessOf(Submitted(rows, w));

    public static double? FirstPassReadinessOf(IReadOnlyCollection<RequestRow> submitted) =>
        Stats.Share(submitted, r => r.WarningFindings is 0 && r.Returns == 0);

    /// <summary>Median of actual / estimated working days over the deliveries that had an estimate (below 1: ahead of it).</summary>
    public static double? EstimateAccuracy(IEnumerable<RequestRow> rows, MetricWindow w) => EstimateAccuracyOf(Delivered(rows, w));

    public static double? EstimateAccuracyOf(IEnumerable<RequestRow> delivered) =>
        Stats.Median(delivered.Where(r => r.EstimateDays > 0 && r.ActualDays is not null).Select(r => r.ActualDays!.Value / r.EstimateDays!.Value));

    /// <summary>Share of the deliveries with a launch date that came on or before it (UTC date).</summary>
    public static double? OnTimeRate(IEnumerable<RequestRow> rows, MetricWindow w) => OnTimeRateOf(Delivered(rows, w));

    public static double? OnTimeRateOf(IEnumerable<RequestRow> delivered) =>
        Stats.Share(delivered.Where(r => r.LaunchDate is not null).ToList(),
            r => DateOnly.FromDateTime(r.FirstDeliveredAt!.Value.UtcDateTime) <= r.LaunchDate!.Value);

    /// <summary>Bugs reported within 30 days after the first delivery of a request delivered in the period.</summary>
    public static int PostLaunchBugs(IEnumerable<RequestRow> rows, IEnumerable<BugRow> bugs, MetricWindow w) => PostLaunchBugsOf(Delivered(rows, w), bugs);

    public static int PostLaunchBugsOf(IEnumerable<RequestRow> delivered, IEnumerable<BugRow> bugs)
    {
        var deliveredAt = delivered.ToDictionary(r => r.RequestId, r => r.FirstDeliveredAt!.Value);
        return bugs.Count(b => b.RequestId is { } id && deliveredAt.TryGetValue(id, out var at)
                               && b.ReportedAt >= at && b.ReportedAt <= at.AddDays(PostLaunchBugDays));
    }

    public static double? PostLaunchBugsPerDelivered(IEnumerable<RequestRow> rows, IEnumerable<BugRow> bugs, MetricWindow w)
    {
        var delivered = Delivered(rows, w);
        return PostLaunchBugsPerDeliveredOf(delivered, PostLaunchBugsOf(delivered, bugs));
    }

    /// <summary>The deliveries' post-launch bugs (<see cref="PostLaunchBugsOf"/>, counted once by the caller) per delivery.</summary>
    public static double? PostLaunchBugsPerDeliveredOf(IReadOnlyCollection<RequestRow> delivered, int postLaunchBugs) =>
        Stats.Ratio(postLaunchBugs, delivered.Count);

    public static int MomentCount(IEnumerable<RequestRow> rows, string kind, MetricWindow w) =>
        rows.Sum(r => r.Moments.Count(m => m.Kind == kind && w.Contains(m.At)));

    /// <summary>The same count over the moments themselves (of every request of the scope, or those in the period).</summary>
    public static int MomentCount(IEnumerable<RequestMoment> moments, string kind, MetricWindow w) => moments.Count(m => m.Kind == kind && w.Contains(m.At));

    /// <summary>Working days between a return and the resubmission, or a reopen and the next delivery, as 8-hour days per 30 days.</summary>
    public static double? ReworkHoursPerMonth(IEnumerable<RequestRow> rows, MetricWindow w) =>
        Stats.Ratio(rows.Sum(r => r.Moments.Where(m => m.Kind == RequestMoment.Rework && w.Contains(m.At)).Sum(m => m.Days)) * HoursPerWorkingDay, w.Months);

    /// <summary>
    /// The same over the moments themselves (of every request of the scope, or those in the period). Days are whole
    /// working days (<see cref="WorkingDays"/>), so the sum is exact in any order.
    /// </summary>
    public static double? ReworkHoursPerMonth(IEnumerable<RequestMoment> moments, MetricWindow w) =>
        Stats.Ratio(moments.Where(m => m.Kind == RequestMoment.Rework && w.Contains(m.At)).Sum(m => m.Days) * HoursPerWorkingDay, w.Months);

    public static List<RoadblockRow> OpenRoadblocks(IEnumerable<RoadblockRow> roadblocks, MetricWindow w) =>
        roadblocks.Where(b => b.RaisedAt < w.AsOf && (b.ResolvedAt is null || b.ResolvedAt >= w.AsOf)).ToList();

    /// <summary>Median age in days, at the window's end, of the roadblocks open then.</summary>
    public static double? OpenRoadblockAgeMedian(IEnumerable<RoadblockRow> roadblocks, MetricWindow w) =>
        Stats.Median(OpenRoadblocks(roadblocks, w).Select(b => (w.AsOf - b.RaisedAt).TotalDays));
}
