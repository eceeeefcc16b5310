namespace MarketingDev.Metrics.Domain;

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
