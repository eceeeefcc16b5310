using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Features.Series;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Features.Meetings;

public sealed record ScheduleMeeting(string SeriesId, DateOnly? Date, Actor Actor);

/// <summary>Schedules the sync of a date and stores its agenda, built from the read model as it is now.</summary>
public sealed class ScheduleMeetingHandler(MeetingsDbContext db, AgendaSnapshot snapshot, TimeProvider clock)
{
    public async Task<Meeting> HandleAsync(ScheduleMeeting command, CancellationToken ct)
    {
        TextRules.RequirePlausible(command.Date, "#/date");
        var date = command.Date!.Value;

        var series = await db.SeriesAsync(command.SeriesId, ct);
        Organizers.Require(command.Actor);
        if (series.Cancellations.Contains(date))
        {
            throw new ConflictException($"The sync of {date:yyyy-MM-dd} is cancelled.");
        }

        if (await db.Meetings.AnyAsync(m => m.SeriesId == series.Id && m.Date == date, ct))
        {
            throw new ConflictException($"The series already has a meeting on {date:yyyy-MM-dd}.");
        }

        var agenda = await snapshot.BuildAsync(series, date, ct);
        var meeting = Meeting.Schedule(series.Id, agenda, command.Actor.Name, clock.GetStoredUtcNow());
        db.Meetings.Add(meeting);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another organiser scheduled the same date between our check and our insert.
            throw new ConflictException($"The series already has a meeting on {date:yyyy-MM-dd}.");
        }

        return meeting;
    }
}
