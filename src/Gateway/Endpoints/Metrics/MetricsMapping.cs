using Google.Protobuf.WellKnownTypes;
using Proto = MarketingDev.Contracts.Grpc.Metrics;

namespace MarketingDev.Gateway.Endpoints.Metrics;

internal static class MetricsMapping
{
    public static Timestamp? ToProto(this DateTimeOffset? instant) => instant is { } i ? Timestamp.FromDateTimeOffset(i) : null;

    public static Proto.Compare? ParseCompare(string? compare) => compare switch
    {
        null or "" or "previous" => Proto.Compare.Previous,
        "baseline" => Proto.Compare.Baseline,
        _ => null,
    };

    public static Proto.Interval ParseInterval(string? interval) => interval switch
    {
        "week" => Proto.Interval.Week,
        "month" => Proto.Interval.Month,
        _ => Proto.Interval.Unspecified,
    };

    public static Proto.Function ParseFunction(string function) => function switch
    {
        "marketing" => Proto.Function.Marketing,
        "development" => Proto.Function.Development,
        "product" => Proto.Function.Product,
        "design" => Proto.Function.Design,
        "other" => Proto.Function.Other,
        _ => Proto.Function.Unspecified,
    };

    public static string ToWire(this Proto.Unit unit) => unit switch
    {
        Proto.Unit.Count => "count",
        Proto.Unit.Days => "days",
        Proto.Unit.Ratio => "ratio",
        Proto.Unit.PerWeek => "perWeek",
        Proto.Unit.PerRequest => "perRequest",
        Proto.Unit.Minutes => "minutes",
        Proto.Unit.HoursPerMonth => "hoursPerMonth",
        Proto.Unit.Score => "score",
        _ => "unspecified",
    };

    public static string ToWire(this Proto.ClaimKind kind) => kind switch
    {
        Proto.ClaimKind.Relative => "relative",
        Proto.ClaimKind.Absolute => "absolute",
        Proto.ClaimKind.AtMost => "atMost",
        Proto.ClaimKind.AtLeast => "atLeast",
        _ => "unspecified",
    };

    public static SummaryView ToView(this Proto.Summary s) => new(
        s.From.ToDateTimeOffset(), s.To.ToDateTimeOffset(), s.Compare == Proto.Compare.Baseline ? "baseline" : "previous",
        s.ComparedFrom?.ToDateTimeOffset(), s.ComparedTo?.ToDateTimeOffset(),
        s.RequestsDrafted, s.RequestsSubmitted, s.RequestsDelivered, s.Returns, s.Reopens, s.ClarificationRounds, s.RoadblocksRaised,
        s.PostLaunchBugs, s.ArticlesPublished, s.LastEventAt?.ToDateTimeOffset(),
        s.Metrics.Select(m => new MetricView(m.Name, m.Unit.ToWire(), m.HasValue ? m.Value : null, m.HasComparedValue ? m.ComparedValue : null,
            m.HasChange ? m.Change : null, m.HasChangeRatio ? m.ChangeRatio : null)).ToList(),
        new SortedDictionary<string, long>(s.SessionsByType, StringComparer.Ordinal),
        new SortedDictionary<string, long>(s.AttendanceByFunction, StringComparer.Ordinal),
        s.Survey.Select(g => new SurveyGroupView(g.Group, g.Answers, g.HasCommunication ? g.Communication : null, g.HasClarity ? g.Clarity : null,
            g.HasTrust ? g.Trust : null, g.HasSpeed ? g.Speed : null)).ToList());

    public static TimeseriesView ToView(this Proto.Timeseries t) => new(
        t.Metric, t.Unit.ToWire(), t.Interval == Proto.Interval.Week ? "week" : "month",
        t.Points.Select(p => new TimeseriesPointView(p.Start.ToDateTimeOffset(), p.End.ToDateTimeOffset(), p.HasValue ? p.Value : null)).ToList());

    public static BaselineView ToView(this Proto.Baseline b) => new(b.From.ToDateTimeOffset(), b.To.ToDateTimeOffset(), b.SetAt.ToDateTimeOffset(), b.SetBy);

    public static ScorecardView ToView(this Proto.Scorecard s) => new(
        s.Baseline?.ToView(), s.From.ToDateTimeOffset(), s.To.ToDateTimeOffset(),
        s.Claims.Select(c => new ClaimView(c.Name, c.Promise, c.Metric, c.Unit.ToWire(), c.PromisedChange, c.Kind.ToWire(),
            c.HasBaselineValue ? c.BaselineValue : null, c.HasCurrentValue ? c.CurrentValue : null,
            c.HasMeasuredChange ? c.MeasuredChange : null, c.HasMet ? c.Met : null)).ToList());

    public static OutcomeView ToView(this Proto.OutcomeReply o) => new(
        Guid.Parse(o.Id), Guid.Parse(o.RequestId), o.Kpi, o.Baseline, o.Target, o.Actual,
        new DateOnly(o.MeasuredAt.Year, o.MeasuredAt.Month, o.MeasuredAt.Day), o.MetTarget, o.RecordedAt.ToDateTimeOffset());
}
