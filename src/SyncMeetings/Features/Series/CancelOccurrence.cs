using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;

namespace MarketingDev.SyncMeetings.Features.Series;

public sealed record CancelOccurrence(string SeriesId, DateOnly? Date, Actor Actor);

/// <summary>Cancels one occurrence: it becomes an EXDATE of the calendar and no meeting can be scheduled on it.</summary>
public sealed class CancelOccurrenceHandler(MeetingsDbContext db, TimeProvider clock)
{
    public async Task<SyncSeries> HandleAsync(CancelOccurrence command, CancellationToken ct)
    {
        TextRules.RequirePlausible(command.Date, "#/date");
        var date = command.Date!.Value;

        var series = await db.SeriesAsync(command.SeriesId, ct);
        Organizers.Require(command.Actor);
        if (date.DayOfWeek != series.Weekday)
        {
            throw new UnprocessableException(
                $"{date:yyyy-MM-dd} is a {date.DayOfWeek}; the series meets on {series.Weekday}s.",
                $$"""{"code":"NOT_AN_OCCURRENCE","weekday":"{{WireName.ToWire(series.Weekday)}}"}""");
        }

        if (series.Cancel(date, clock.GetStoredUtcNow()))
        {
            await db.SaveChangesAsync(ct);
        }

        return series;
    }
}
