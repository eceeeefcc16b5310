using FluentValidation;

namespace MarketingDev.Metrics.Features.Reading;

/// <summary>What every read accepts: a period whose end is after its start, at most ten years, and short filter text.</summary>
public static class PeriodRules
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(90);
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(3660);

    /// <summary>Absent ends default to now and to a default length before the end.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Resolve(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now, TimeSpan? length = null)
    {
        var end = to ?? now;
        return (from ?? end - (length ?? DefaultLength), end);
    }

    public static IRuleBuilderOptions<T, DateTimeOffset> After<T>(this IRuleBuilder<T, DateTimeOffset> rule, Func<T, DateTimeOffset> from) =>
        rule.Must((x, to) => to > from(x)).WithMessage("The end of the period must be after its start.")
            .Must((x, to) => to - from(x) <= MaxLength).WithMessage("A period spans at most ten years.");

    public static IRuleBuilderOptions<T, string?> FilterText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max).Must(s => s is null || !s.Contains('\0', StringComparison.Ordinal)).WithMessage("Must not contain NUL characters.");
}
