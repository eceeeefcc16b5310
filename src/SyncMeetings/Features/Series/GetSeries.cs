using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Features.Series;

/// <summary>One series, or all of them by name (a team has a handful, not thousands).</summary>
public sealed class GetSeriesHandler(MeetingsDbContext db)
{
    public const int ListMax = 200;

    public Task<SyncSeries> HandleAsync(string id, CancellationToken ct) => db.SeriesAsync(id, ct);

    public async Task<IReadOnlyList<SyncSeries>> ListAsync(CancellationToken ct) =>
        await db.Series.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).Take(ListMax).ToListAsync(ct);

    public async Task<string> CalendarAsync(string id, string? agendaUrl, CancellationToken ct) =>
        CalendarFeed.Render(await db.SeriesAsync(id, ct), string.IsNullOrEmpty(agendaUrl) ? null : agendaUrl);
}
