using FluentValidation;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Formulas;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Features.Reading;

public enum CompareWith { Previous, Baseline }

public sealed record GetSummary(DateTimeOffset From, DateTimeOffset To, string? Team, string? Type, CompareWith Compare);

public sealed record MetricResult(string Name, MetricUnit Unit, double? Value, double? Compared, double? Change, double? ChangeRatio);

public sealed record SummaryResult(
    MetricWindow Window,
    CompareWith Compare,
    MetricWindow? ComparedWindow,
    IReadOnlyList<MetricResult> Metrics,
    IReadOnlyDictionary<string, long> SessionsByType,
    IReadOnlyDictionary<string, long> AttendanceByFunction,
    IReadOnlyList<PeopleFormulas.SurveyGroupResult> Survey,
    long Returns,
    long Reopens,
    long ClarificationRounds,
    long RoadblocksRaised,
    long PostLaunchBugs,
    long ArticlesPublished,
    DateTimeOffset? LastEventAt)
{
    public double? Value(string metric) => Metrics.Single(m => m.Name == metric).Value;
}

public sealed class GetSummaryValidator : AbstractValidator<GetSummary>
{
    public GetSummaryValidator()
    {
        RuleFor(q => q.To).After(q => q.From);
        RuleFor(q => q.Team).FilterText(100);
        RuleFor(q => q.Type).FilterText(40);
    }
}

/// <summary>Every metric over [from, to), with its change against the previous period of equal length or the baseline.</summary>
public sealed class GetSummaryHandler(MetricsDbContext db, MetricInputsLoader loader, TimeProvider clock, GetSummaryValidator validator)
{
    public async Task<SummaryResult> HandleAsync(GetSummary query, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(query, ct);
        var now = clock.GetUtcNow();
        var window = MetricWindow.Of(query.From, query.To, now, Blank(query.Team), Blank(query.Type));
        MetricWindow? compared = query.Compare switch
        {
            CompareWith.Baseline => await db.Baselines.AsNoTracking().SingleOrDefaultAsync(ct) is { } b ? window.Shifted(b.From, b.To, now) : null,
            _ => window.Shifted(query.From - (query.To - query.From), query.From, now),
        };
        var inputs = await loader.LoadAsync(db, ct);
        var lastEventAt = await db.StoredEvents.Where(e => e.OccurredAt >= window.From && e.OccurredAt < window.To)
            .MaxAsync(e => (DateTimeOffset?)e.OccurredAt, ct);
        return Summarize(inputs, window, query.Compare, compared, lastEventAt);
    }

    /// <summary>The summary's figures over the inputs: pure, so the benchmark's profile and the tests can run it without a server.</summary>
    public static SummaryResult Summarize(MetricInputs inputs, MetricWindow window, CompareWith compare, MetricWindow? compared, DateTimeOffset? lastEventAt)
    {
        var context = new MetricContext(inputs, window);
        var current = MetricCatalog.ComputeAll(context);
        var before = compared is null ? null : MetricCatalog.ComputeAll(inputs, compared);
        var metrics = MetricCatalog.All.Select(m => Compare(m, current[m.Name], before?[m.Name])).ToList();
        return new SummaryResult(window, compare, compared, metrics,
            MeetingFormulas.SessionsByType(inputs.Sessions, window), MeetingFormulas.AttendanceByFunction(inputs.Sessions, window),
            PeopleFormulas.SurveyGroups(inputs.SurveyResponses, window),
            FlowFormulas.MomentCount(context.Moments, RequestMoment.Returned, window),
            FlowFormulas.MomentCount(context.Moments, RequestMoment.Reopened, window),
            FlowFormulas.MomentCount(context.Moments, RequestMoment.Clarification, window),
            context.Roadblocks.Count(b => window.Contains(b.RaisedAt)),
            context.PostLaunchBugs,
            KnowledgeFormulas.ArticlesPublished(inputs.Articles, window),
            lastEventAt);
    }

    public static MetricResult Compare(MetricDefinition metric, double? value, double? compared) =>
        new(metric.Name, metric.Unit, value, compared,
            value - compared,
            value is { } v && compared is { } c && c != 0 ? (v - c) / c : null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
