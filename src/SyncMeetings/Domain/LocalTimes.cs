using NodaTime;

namespace MarketingDev.SyncMeetings.Domain;

/// <summary>
/// Local dates and times of a series in its IANA time zone (the tz database NodaTime ships, the same one Ical.Net
/// writes VTIMEZONE from), so the agenda, the calendar and the validation agree on what "09:30 on Tuesday" means.
/// </summary>
public static class LocalTimes
{
    public static DateTimeZone? Zone(string? id) => string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    public static bool IsKnownZone(string? id) => Zone(id) is not null;

    /// <summary>
    /// The instant a local date and time happen in the zone; null when the clocks skip that local time (spring
    /// forward). A local time that happens twice (fall back) is the first of the two, as calendar software reads it.
    /// </summary>
    public static DateTimeOffset? StartOf(DateOnly date, TimeOnly time, string zoneId)
    {
        var zone = Zone(zoneId) ?? throw new ArgumentException($"Unknown time zone '{zoneId}'.", nameof(zoneId));
        var local = new LocalDateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute);
        var mapping = zone.MapLocal(local);
        return mapping.Count == 0 ? null : mapping.First().ToDateTimeOffset().ToUniversalTime();
    }

    /// <summary>The local calendar date of an instant in the zone.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, string zoneId)
    {
        var zone = Zone(zoneId) ?? throw new ArgumentException($"Unknown time zone '{zoneId}'.", nameof(zoneId));
        var local = Instant.FromDateTimeOffset(instant).InZone(zone).Date;
        return new DateOnly(local.Year, local.Month, local.Day);
    }

    /// <summary>The local wall-clock time of an instant in the zone.</summary>
    public static TimeOnly TimeOf(DateTimeOffset instant, string zoneId)
    {
        var zone = Zone(zoneId) ?? throw new ArgumentException($"Unknown time zone '{zoneId}'.", nameof(zoneId));
        var local = Instant.FromDateTimeOffset(instant).InZone(zone).TimeOfDay;
        return new TimeOnly(local.Hour, local.Minute, local.Second);
    }
}
