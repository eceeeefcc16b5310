using FluentValidation;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Formulas;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Features.Reading;

public sealed record GetScorecard(DateTimeOffset From, DateTimeOffset To);

public sealed record ScorecardResult(BaselinePeriod? Baseline, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ClaimResult> Claims);

public sealed class GetScorecardValidator : AbstractValidator<GetScorecard>
{
    public GetScorecardValidator() => RuleFor(q => q.To).After(q => q.From);
}

/// <summary>Each claim of the practice: promised change, measured change from the baseline to the period, met or not.</summary>
public sealed class GetScorecardHandler(MetricsDbContext db, MetricInputsLoader loader, TimeProvider clock, GetScorecardValidator validator)
{
    public async Task<ScorecardResult> HandleAsync(GetScorecard query, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(query, ct);
        var now = clock.GetUtcNow();
        var baseline = await db.Baselines.AsNoTracking().SingleOrDefaultAsync(ct);
        var inputs = await loader.LoadAsync(db, ct);
        var current = MetricCatalog.ComputeAll(inputs, MetricWindow.Of(query.From, query.To, now));
        var before = baseline is null ? null : MetricCatalog.ComputeAll(inputs, MetricWindow.Of(baseline.From, baseline.To, now));
        return new ScorecardResult(baseline, query.From, query.To,
            Claims.All.Select(c => Claims.Evaluate(c, before?[c.Metric], current[c.Metric])).ToList());
    }
}
