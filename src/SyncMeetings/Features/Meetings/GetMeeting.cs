using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Features.Meetings;

/// <summary>A meeting with its series' name; as JSON or as Markdown for a chat channel.</summary>
public sealed class GetMeetingHandler(MeetingsDbContext db, TimeProvider clock)
{
    public async Task<(Meeting Meeting, SyncSeries Series)> HandleAsync(string id, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(id, ct);
        return (meeting, await db.SeriesAsync(meeting.SeriesId.ToString(), ct));
    }

    public async Task<string> MarkdownAsync(string id, CancellationToken ct)
    {
        var (meeting, series) = await HandleAsync(id, ct);
        return AgendaMarkdown.Render(series.Name, series.TimeZone, meeting.Agenda, meeting.Notes);
    }

    /// <summary>The agenda of the series' next meeting that has not ended yet: what a calendar entry links to.</summary>
    public async Task<string> NextMarkdownAsync(string seriesId, CancellationToken ct)
    {
        var series = await db.SeriesAsync(seriesId, ct);
        var since = clock.GetUtcNow().AddMinutes(-series.DurationMinutes);
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == series.Id && m.StartsAt > since)
                          .OrderBy(m => m.StartsAt).FirstOrDefaultAsync(ct)
                      ?? throw new ServiceDefaults.Errors.NotFoundException("Upcoming meeting of series", seriesId);
        return AgendaMarkdown.Render(series.Name, series.TimeZone, meeting.Agenda, meeting.Notes);
    }
}
