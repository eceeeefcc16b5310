using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MarketingDev.SyncMeetings.Domain;

namespace MarketingDev.SyncMeetings.Features.Series;

/// <summary>
/// The series as one RFC 5545 weekly event: DTSTART in the series' zone with its VTIMEZONE, so every occurrence keeps
/// its local wall-clock time across daylight-saving changes; a UID that never changes and a SEQUENCE that grows with
/// every change, so calendar software updates the event instead of adding another; cancelled dates as EXDATE.
/// </summary>
public static class CalendarFeed
{
    public static string Render(SyncSeries series, string? agendaUrl)
    {
        var first = FirstOccurrence(series);
        var start = new CalDateTime(first, series.StartTime, series.TimeZone);
        var meeting = new CalendarEvent
        {
            Uid = $"{series.Id}@marketingdev",
            Sequence = series.Sequence,
            DtStamp = new CalDateTime(series.UpdatedAt.UtcDateTime, "UTC"),
            Summary = series.Name,
            Start = start,
            Duration = Duration.FromMinutes(series.DurationMinutes),
            Description = agendaUrl is null ? "Marketing-Dev Sync." : $"Marketing-Dev Sync. Agenda: {agendaUrl}",
            Url = agendaUrl is null ? null : new Uri(agendaUrl),
            Organizer = new Organizer($"urn:marketingdev:actor:{Uri.EscapeDataString(series.CreatedById)}") { CommonName = series.CreatedBy },
        };
        meeting.RecurrenceRule = new RecurrenceRule(FrequencyType.Weekly, 1) { ByDay = [new WeekDay(series.Weekday)] };
        foreach (var (participant, index) in series.Participants.Select((p, i) => (p, i)))
        {
            meeting.Attendees.Add(new Ical.Net.DataTypes.Attendee(participant.Email is { } email ? $"mailto:{email}" : $"urn:marketingdev:participant:{index + 1}")
            {
                CommonName = participant.Name,
                Role = "REQ-PARTICIPANT",
            });
        }

        foreach (var cancelled in series.Cancellations)
        {
            meeting.ExceptionDates.Add(new CalDateTime(cancelled, series.StartTime, series.TimeZone));
        }

        var calendar = new Calendar { ProductId = "-//MarketingDev//Sync meetings//EN" };
        calendar.AddTimeZone(series.TimeZone, first.ToDateTime(TimeOnly.MinValue).AddYears(-1), includeHistoricalData: false);
        calendar.Events.Add(meeting);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The first occurrence starting after the series was created, in its own zone.</summary>
    public static DateOnly FirstOccurrence(SyncSeries series)
    {
        var created = LocalTimes.DateOf(series.CreatedAt, series.TimeZone);
        var first = created.AddDays(((int)series.Weekday - (int)created.DayOfWeek + 7) % 7);
        return first == created && LocalTimes.TimeOf(series.CreatedAt, series.TimeZone) > series.StartTime ? first.AddDays(7) : first;
    }
}
