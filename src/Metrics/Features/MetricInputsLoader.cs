using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Formulas;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Features;

/// <summary>Reads every projection row the formulas need, untracked, for one query.</summary>
public static class MetricInputsLoader
{
    public static async Task<MetricInputs> LoadAsync(MetricsDbContext db, CancellationToken ct) => new(
        await db.Requests.AsNoTracking().ToListAsync(ct),
        await db.Bugs.AsNoTracking().ToListAsync(ct),
        await db.Roadblocks.AsNoTracking().ToListAsync(ct),
        await db.Meetings.AsNoTracking().ToListAsync(ct),
        await db.ActionItems.AsNoTracking().ToListAsync(ct),
        await db.Sessions.AsNoTracking().ToListAsync(ct),
        await db.SearchCounts.AsNoTracking().ToListAsync(ct),
        await db.Gaps.AsNoTracking().ToListAsync(ct),
        await db.Questions.AsNoTracking().ToListAsync(ct),
        await db.Articles.AsNoTracking().ToListAsync(ct),
        await db.SurveyResponses.AsNoTracking().ToListAsync(ct),
        await db.Outcomes.AsNoTracking().ToListAsync(ct));
}
