namespace MarketingDev.Metrics.Domain;

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
