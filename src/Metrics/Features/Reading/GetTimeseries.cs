using FluentValidation;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Formulas;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Metrics.Features.Reading;

public enum Interval { Week, Month }

public sealed record GetTimeseries(string Metric, Interval? Interval, DateTimeOffset From, DateTimeOffset To, string? Team, string? Type);

public sealed record TimeseriesPoint(DateTimeOffset Start, DateTimeOffset End, double? Value);

public sealed record TimeseriesResult(MetricDefinition Metric, Interval Interval, IReadOnlyList<TimeseriesPoint> Points);

public sealed class GetTimeseriesValidator : AbstractValidator<GetTimeseries>
{
    public const int MaxPoints = 520;

    public GetTimeseriesValidator()
    {
        RuleFor(q => q.Metric).Must(m => MetricCatalog.Find(m) is not null)
            .WithMessage(q => $"Unknown metric '{Printable(q.Metric)}'; one of: {MetricCatalog.Names}.");
        RuleFor(q => q.Interval).NotNull().WithMessage("Interval must be week or month.");
        RuleFor(q => q.To).After(q => q.From);
        RuleFor(q => q.Team).FilterText(100);
        RuleFor(q => q.Type).FilterText(40);
    }

    private static string Printable(string text) => new(text.Take(40).Where(c => !char.IsControl(c)).ToArray());
}

/// <summary>
/// One metric per calendar week (Monday, UTC) or month, from the bucket holding `from` up to `to` (the last bucket ends
/// at `to`): the same formula as the summary, over each bucket.
/// </summary>
public sealed class GetTimeseriesHandler(MetricsDbContext db, MetricInputsLoader loader, TimeProvider clock, GetTimeseriesValidator validator)
{
    public async Task<TimeseriesResult> HandleAsync(GetTimeseries query, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(query, ct);
        var metric = MetricCatalog.Find(query.Metric)!;
        var interval = query.Interval!.Value;
        var buckets = Buckets(query.From, query.To, interval);
        if (buckets.Count > GetTimeseriesValidator.MaxPoints)
        {
            throw new InvalidInputException("#/from", $"At most {GetTimeseriesValidator.MaxPoints} points; use a shorter period or a longer interval.");
        }

        var now = clock.GetUtcNow();
        var inputs = await loader.LoadAsync(db, ct);
        var points = buckets.Select(b => new TimeseriesPoint(b.Start, b.End,
            metric.Compute(new MetricContext(inputs, MetricWindow.Of(b.Start, b.End, now, query.Team, query.Type))))).ToList();
        return new TimeseriesResult(metric, interval, points);
    }

    public static List<(DateTimeOffset Start, DateTimeOffset End)> Buckets(DateTimeOffset from, DateTimeOffset to, Interval interval)
    {
        var day = from.UtcDateTime.Date;
        var start = new DateTimeOffset(interval == Interval.Week
            ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7))
            : new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.Zero);
        var buckets = new List<(DateTimeOffset, DateTimeOffset)>();
        while (start < to && buckets.Count <= GetTimeseriesValidator.MaxPoints)
        {
            var next = interval == Interval.Week ? start.AddDays(7) : start.AddMonths(1);
            buckets.Add((start, next < to ? next : to));
            start = next;
        }

        return buckets;
    }
}
