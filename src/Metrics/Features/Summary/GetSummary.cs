using MarketingDev.Metrics.Data;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Features.Summary;

public sealed record Period(DateTimeOffset? From, DateTimeOffset? To);

public sealed record Summary(
    long RequestsDrafted,
    long ArticlesPublished,
    DateTimeOffset? LastEventAt,
    long RequestsSubmitted,
    long RequestsDelivered,
    long Returns,
    long Reopens,
    long ClarificationRounds,
    long RoadblocksRaised,
    long PostLaunchBugs);

/// <summary>Counts per period [from, to); an open end means unbounded.</summary>
public sealed class GetSummaryHandler(MetricsDbContext db)
{
    public async Task<Summary> HandleAsync(Period period, CancellationToken ct)
    {
        if (period is { From: { } from, To: { } to } && to <= from)
        {
            throw new InvalidInputException("#/to", "The end of the period must be after its start.");
        }

        var requests = db.Requests.AsNoTracking()
            .Where(r => (period.From == null || r.DraftedAt >= period.From) && (period.To == null || r.DraftedAt < period.To));
        var articles = db.Articles.AsNoTracking()
            .Where(a => (period.From == null || a.PublishedAt >= period.From) && (period.To == null || a.PublishedAt < period.To));

        var drafted = await requests.LongCountAsync(ct);
        var submitted = await db.Requests.AsNoTracking().LongCountAsync(r => r.SubmittedAt != null
            && (period.From == null || r.SubmittedAt >= period.From) && (period.To == null || r.SubmittedAt < period.To), ct);
        var delivered = db.Requests.AsNoTracking().Where(r => r.DeliveredAt != null
            && (period.From == null || r.DeliveredAt >= period.From) && (period.To == null || r.DeliveredAt < period.To));
        var deliveredCount = await delivered.LongCountAsync(ct);
        var returns = await requests.SumAsync(r => (long)r.Returns, ct);
        var reopens = await delivered.SumAsync(r => (long)r.Reopens, ct);
        var clarifications = await requests.SumAsync(r => (long)r.Clarifications, ct);
        var roadblocks = await requests.SumAsync(r => (long)r.Roadblocks, ct);
        var postLaunchBugs = await delivered.SumAsync(r => (long)r.PostLaunchBugs, ct);
        var published = await articles.LongCountAsync(ct);
        var lastRequest = await requests.MaxAsync(r => (DateTimeOffset?)r.DraftedAt, ct);
        var lastArticle = await articles.MaxAsync(a => (DateTimeOffset?)a.PublishedAt, ct);
        return new Summary(drafted, published, new[] { lastRequest, lastArticle }.Max(), submitted, deliveredCount, returns, reopens,
            clarifications, roadblocks, postLaunchBugs);
    }
}
