namespace MarketingDev.Metrics.Domain;

/// <summary>
/// One anonymous pulse-survey answer: no actor is stored, and results are only shown for groups of 3 or more.
/// Metrics owns these (they are not projections and a rebuild leaves them alone).
/// </summary>
public sealed class SurveyResponse
{
    public Guid Id { get; set; }
    public string Function { get; set; } = "";
    public int Communication { get; set; }
    public int Clarity { get; set; }
    public int Trust { get; set; }
    public int Speed { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A business KPI measured for an initiative (a request): did it reach its target?</summary>
public sealed class Outcome
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public string Kpi { get; set; } = "";
    public double Baseline { get; set; }
    public double Target { get; set; }
    public double Actual { get; set; }
    public DateOnly MeasuredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";

    /// <summary>A target below the baseline is a KPI to lower (cost per lead); otherwise higher is better.</summary>
    public static bool MeetsTarget(double baseline, double target, double actual) => target < baseline ? actual <= target : actual >= target;
}

/// <summary>The period before the practices were adopted; compare=baseline and the scorecard measure against it.</summary>
public sealed class BaselinePeriod
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public DateTimeOffset From { get; set; }
    public DateTimeOffset To { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public string SetBy { get; set; } = "";
}

/// <summary>An integration event as received: stored once (unique EventId), the source every projection is folded from.</summary>
public sealed class StoredEvent
{
    public long Sequence { get; set; }
    public Guid EventId { get; set; }
    public string Type { get; set; } = "";
    public string StreamKind { get; set; } = "";
    public Guid StreamId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset StoredAt { get; set; }
    public string Body { get; set; } = "";
}
