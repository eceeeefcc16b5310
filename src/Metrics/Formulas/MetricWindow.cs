namespace MarketingDev.Metrics.Formulas;

/// <summary>
/// The period [From, To) a metric is computed over; states ("open roadblocks") are taken at AsOf, the period's end or
/// now if that is earlier. Team and Type narrow the request metrics only.
/// </summary>
public sealed record MetricWindow(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, string? Team = null, string? Type = null)
{
    public static MetricWindow Of(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? team = null, string? type = null) =>
        new(from, to, to < now ? to : now, team, type);

    public bool Contains(DateTimeOffset? at) => at is { } t && t >= From && t < To;

    public bool Contains(DateOnly date) =>
        date >= DateOnly.FromDateTime(From.UtcDateTime) && date.ToDateTime(TimeOnly.MinValue) < To.UtcDateTime;

    public double Days => (To - From).TotalDays;

    public double Weeks => Days / 7;

    /// <summary>Months of 30 days.</summary>
    public double Months => Days / 30;

    public MetricWindow Shifted(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) => Of(from, to, now, Team, Type);
}
