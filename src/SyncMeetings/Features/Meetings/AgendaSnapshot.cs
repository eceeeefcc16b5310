using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Features.Meetings;

/// <summary>Reads what the agenda builder needs from this service's own database (the read model, never a call to Requests).</summary>
public sealed class AgendaSnapshot(MeetingsDbContext db, TimeProvider clock)
{
    public async Task<Agenda> BuildAsync(SyncSeries series, DateOnly date, CancellationToken ct)
    {
        var settings = series.AgendaSettings;
        var horizonEnd = date.AddDays(7 * settings.HorizonWeeks);
        var requests = await db.Requests.AsNoTracking()
            .Where(r => (r.LaunchDate >= date && r.LaunchDate <= horizonEnd) || r.QuickWin || r.EstimateSize == "xs" || r.EstimateSize == "s")
            .Where(r => r.Status != "delivered" && r.Status != "rejected" && r.Status != "withdrawn")
            .ToListAsync(ct);
        var ids = requests.Select(r => r.RequestId).ToList();
        var kickoffs = await db.Sessions.AsNoTracking()
            .Where(s => s.Type == SessionType.Kickoff && s.RequestId != null && ids.Contains(s.RequestId.Value))
            .Select(s => s.RequestId!.Value).Distinct().ToListAsync(ct);
        var roadblocks = await db.Roadblocks.AsNoTracking().Where(r => r.ResolvedAt == null && r.RaisedAt != default).ToListAsync(ct);
        var previous = await db.Meetings.AsNoTracking()
            .Where(m => m.SeriesId == series.Id && m.Date < date).OrderByDescending(m => m.Date)
            .Select(m => (DateTimeOffset?)m.StartsAt).FirstOrDefaultAsync(ct);
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.SeriesId == series.Id && i.Status == IdeaStatus.New).ToListAsync(ct);
        var actionItems = await db.ActionItems.AsNoTracking().Where(a => a.SeriesId == series.Id && a.Status == ActionItemStatus.Open).ToListAsync(ct);

        return AgendaBuilder.Build(new AgendaInput(
            settings,
            date,
            clock.GetUtcNow(),
            previous,
            requests.Select(r => new RequestFacts(r.RequestId, r.Key, r.Title, r.Status, r.Priority, r.LaunchDate, r.EstimateSize, r.QuickWin,
                r.LastActivityAt, kickoffs.Contains(r.RequestId))).ToList(),
            roadblocks.Select(r => new RoadblockFacts(r.RoadblockId, r.RequestId, r.RequestKey, r.RequestTitle, r.Description, r.Severity,
                r.RaisedAt, r.ResolvedAt is not null)).ToList(),
            ideas.Select(i => new IdeaFacts(i.Id, i.Text, i.By, i.CreatedAt, i.Status)).ToList(),
            actionItems.Select(a => new ActionItemFacts(a.Id, a.Title, a.Owner, a.DueDate, a.RequestId, a.AssignedAt, a.Status)).ToList()));
    }
}
