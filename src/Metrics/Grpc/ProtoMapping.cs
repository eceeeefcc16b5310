using Google.Protobuf.WellKnownTypes;
using MarketingDev.Contracts.Grpc;
using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Features.Reading;
using MarketingDev.Metrics.Formulas;
using Proto = MarketingDev.Contracts.Grpc.Metrics;

namespace MarketingDev.Metrics.Grpc;

internal static class ProtoMapping
{
    public static DateTimeOffset? ToInstant(this Timestamp? timestamp) => timestamp?.ToDateTimeOffset();

    public static Timestamp ToProto(this DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static string? Filter(bool has, string value) => has && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public static CompareWith ToDomain(this Proto.Compare compare) => compare == Proto.Compare.Baseline ? CompareWith.Baseline : CompareWith.Previous;

    public static Interval? ToDomain(this Proto.Interval interval) => interval switch
    {
        Proto.Interval.Week => Interval.Week,
        Proto.Interval.Month => Interval.Month,
        _ => null,
    };

    public static string FunctionName(this Proto.Function function) => function switch
    {
        Proto.Function.Marketing => "marketing",
        Proto.Function.Development => "development",
        Proto.Function.Product => "product",
        Proto.Function.Design => "design",
        Proto.Function.Other => "other",
        _ => "",
    };

    public static Proto.Unit ToProto(this MetricUnit unit) => unit switch
    {
        MetricUnit.Count => Proto.Unit.Count,
        MetricUnit.Days => Proto.Unit.Days,
        MetricUnit.Ratio => Proto.Unit.Ratio,
        MetricUnit.PerWeek => Proto.Unit.PerWeek,
        MetricUnit.PerRequest => Proto.Unit.PerRequest,
        MetricUnit.Minutes => Proto.Unit.Minutes,
        MetricUnit.HoursPerMonth => Proto.Unit.HoursPerMonth,
        MetricUnit.Score => Proto.Unit.Score,
        _ => Proto.Unit.Unspecified,
    };

    public static Proto.ClaimKind ToProto(this ClaimKind kind) => kind switch
    {
        ClaimKind.Relative => Proto.ClaimKind.Relative,
        ClaimKind.Absolute => Proto.ClaimKind.Absolute,
        ClaimKind.AtMost => Proto.ClaimKind.AtMost,
        ClaimKind.AtLeast => Proto.ClaimKind.AtLeast,
        _ => Proto.ClaimKind.Unspecified,
    };

    public static Proto.Summary ToProto(this SummaryResult s)
    {
        var reply = new Proto.Summary
        {
            RequestsDrafted = Count(s.Value("requestsDrafted")),
            RequestsSubmitted = Count(s.Value("requestsSubmitted")),
            RequestsDelivered = Count(s.Value("requestsDelivered")),
            ArticlesPublished = s.ArticlesPublished,
            Returns = s.Returns,
            Reopens = s.Reopens,
            ClarificationRounds = s.ClarificationRounds,
            RoadblocksRaised = s.RoadblocksRaised,
            PostLaunchBugs = s.PostLaunchBugs,
            LastEventAt = s.LastEventAt?.ToProto(),
            From = s.Window.From.ToProto(),
            To = s.Window.To.ToProto(),
            Compare = s.Compare == CompareWith.Baseline ? Proto.Compare.Baseline : Proto.Compare.Previous,
            ComparedFrom = s.ComparedWindow?.From.ToProto(),
            ComparedTo = s.ComparedWindow?.To.ToProto(),
        };
        reply.Metrics.AddRange(s.Metrics.Select(ToProto));
        foreach (var (type, count) in s.SessionsByType)
        {
            reply.SessionsByType[type] = count;
        }

        foreach (var (function, count) in s.AttendanceByFunction)
        {
            reply.AttendanceByFunction[function] = count;
        }

        reply.Survey.AddRange(s.Survey.Select(g =>
        {
            var group = new Proto.SurveyGroup { Group = g.Group, Answers = g.Answers };
            Set(g.Communication, v => group.Communication = v);
            Set(g.Clarity, v => group.Clarity = v);
            Set(g.Trust, v => group.Trust = v);
            Set(g.Speed, v => group.Speed = v);
            return group;
        }));
        return reply;
    }

    public static Proto.MetricValue ToProto(this MetricResult m)
    {
        var value = new Proto.MetricValue { Name = m.Name, Unit = m.Unit.ToProto() };
        Set(m.Value, v => value.Value = v);
        Set(m.Compared, v => value.ComparedValue = v);
        Set(m.Change, v => value.Change = v);
        Set(m.ChangeRatio, v => value.ChangeRatio = v);
        return value;
    }

    public static Proto.Timeseries ToProto(this TimeseriesResult t)
    {
        var reply = new Proto.Timeseries
        {
            Metric = t.Metric.Name,
            Unit = t.Metric.Unit.ToProto(),
            Interval = t.Interval == Interval.Week ? Proto.Interval.Week : Proto.Interval.Month,
        };
        reply.Points.AddRange(t.Points.Select(p =>
        {
            var point = new Proto.TimeseriesPoint { Start = p.Start.ToProto(), End = p.End.ToProto() };
            Set(p.Value, v => point.Value = v);
            return point;
        }));
        return reply;
    }

    public static Proto.Scorecard ToProto(this ScorecardResult s)
    {
        var reply = new Proto.Scorecard { Baseline = s.Baseline?.ToProto(), From = s.From.ToProto(), To = s.To.ToProto() };
        reply.Claims.AddRange(s.Claims.Select(r =>
        {
            var claim = new Proto.Claim
            {
                Name = r.Claim.Name,
                Promise = r.Claim.Promise,
                Metric = r.Claim.Metric,
                Unit = MetricCatalog.Find(r.Claim.Metric)!.Unit.ToProto(),
                PromisedChange = r.Claim.Promised,
                Kind = r.Claim.Kind.ToProto(),
            };
            Set(r.Baseline, v => claim.BaselineValue = v);
            Set(r.Current, v => claim.CurrentValue = v);
            Set(r.Measured, v => claim.MeasuredChange = v);
            if (r.Met is { } met)
            {
                claim.Met = met;
            }

            return claim;
        }));
        return reply;
    }

    public static Proto.Baseline ToProto(this BaselinePeriod b) =>
        new() { From = b.From.ToProto(), To = b.To.ToProto(), SetAt = b.SetAt.ToProto(), SetBy = b.SetBy };

    public static Proto.OutcomeReply ToProto(this Outcome o) => new()
    {
        Id = o.Id.ToString(),
        RequestId = o.RequestId.ToString(),
        Kpi = o.Kpi,
        Baseline = o.Baseline,
        Target = o.Target,
        Actual = o.Actual,
        MeasuredAt = o.MeasuredAt.ToProto(),
        MetTarget = Outcome.MeetsTarget(o.Baseline, o.Target, o.Actual),
        RecordedAt = o.RecordedAt.ToProto(),
    };

    private static long Count(double? value) => (long)(value ?? 0);

    private static void Set(double? value, Action<double> set)
    {
        if (value is { } v)
        {
            set(v);
        }
    }
}
