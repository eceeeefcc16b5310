using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Features.Series;

namespace MarketingDev.SyncMeetings.Features.Meetings;

public sealed record RefreshAgenda(string MeetingId, Actor Actor);

/// <summary>Rebuilds the agenda from the current read model until the meeting starts; after that the agenda is what was discussed.</summary>
public sealed class RefreshAgendaHandler(MeetingsDbContext db, AgendaSnapshot snapshot, TimeProvider clock)
{
    public async Task<Meeting> HandleAsync(RefreshAgenda command, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(command.MeetingId, ct);
        Organizers.Require(command.Actor);
        if (meeting.Status == MeetingStatus.Completed || meeting.HasStarted(clock.GetUtcNow()))
        {
            throw new ConflictException($"The meeting started at {meeting.StartsAt:yyyy-MM-dd HH:mm}Z; its agenda is no longer rebuilt.");
        }

        var series = await db.SeriesAsync(meeting.SeriesId.ToString(), ct);
        meeting.Rebuilt(await snapshot.BuildAsync(series, meeting.Date, ct));
        await db.SaveChangesAsync(ct);
        return meeting;
    }
}
