using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;

namespace MarketingDev.SyncMeetings.Features.Meetings;

/// <summary>A meeting with its series' name; as JSON or as Markdown for a chat channel.</summary>
public sealed class GetMeetingHandler(MeetingsDbContext db)
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
}
