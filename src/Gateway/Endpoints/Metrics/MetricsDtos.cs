using MarketingDev.Gateway.OpenApi;
using Proto = MarketingDev.Contracts.Grpc.Metrics;

namespace MarketingDev.Gateway.Endpoints.Metrics;

/// <summary>One metric: value over the period, the compared period's value, and the change (absolute and relative).</summary>
public sealed record MetricView(string Name, string Unit, double? Value, double? ComparedValue, double? Change, double? ChangeRatio);

/// <summary>Means per survey dimension; null while the group has fewer than 3 answers.</summary>
public sealed record SurveyGroupView(string Group, int Answers, double? Communication, double? Clarity, double? Trust, double? Speed);

public sealed record SummaryView(
    DateTimeOffset From,
    DateTimeOffset To,
    string Compare,
    DateTimeOffset? ComparedFrom,
    DateTimeOffset? ComparedTo,
    long RequestsDrafted,
    long RequestsSubmitted,
    long RequestsDelivered,
    long Returns,
    long Reopens,
    long ClarificationRounds,
    long RoadblocksRaised,
    long PostLaunchBugs,
    long ArticlesPublished,
    DateTimeOffset? LastEventAt,
    IReadOnlyList<MetricView> Metrics,
    IReadOnlyDictionary<string, long> SessionsByType,
    IReadOnlyDictionary<string, long> AttendanceByFunction,
    IReadOnlyList<SurveyGroupView> Survey);

public sealed record TimeseriesPointView(DateTimeOffset Start, DateTimeOffset End, double? Value);

public sealed record TimeseriesView(string Metric, string Unit, string Interval, IReadOnlyList<TimeseriesPointView> Points);

public sealed record BaselineView(DateTimeOffset From, DateTimeOffset To, DateTimeOffset SetAt, string SetBy);

public sealed record ClaimView(
    string Name, string Promise, string Metric, string Unit, double PromisedChange, string Kind,
    double? BaselineValue, double? CurrentValue, double? MeasuredChange, bool? Met);

public sealed record ScorecardView(BaselineView? Baseline, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ClaimView> Claims);

public sealed record BaselineBody(DateTimeOffset? From, DateTimeOffset? To);

public sealed record RebuildView(long Events, long Streams);

public sealed record SurveyScoresDto(int Communication, int Clarity, int Trust, int Speed);

/// <summary>An anonymous pulse-survey answer: function is marketing, development, product, design or other.</summary>
public sealed record SurveyResponseBody([WireEnum(typeof(Proto.Function))] string Function, SurveyScoresDto Scores, string? Comment = null);

public sealed record SurveyResponseView(Guid Id, DateTimeOffset RecordedAt);

public sealed record OutcomeBody(Guid RequestId, string Kpi, double Baseline, double Target, double Actual, DateOnly MeasuredAt);

public sealed record OutcomeView(Guid Id, Guid RequestId, string Kpi, double Baseline, double Target, double Actual, DateOnly MeasuredAt, bool MetTarget, DateTimeOffset RecordedAt);
