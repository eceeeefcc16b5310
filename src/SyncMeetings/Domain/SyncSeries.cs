namespace MarketingDev.SyncMeetings.Domain;

/// <summary>
/// A recurring sync: when it happens in which time zone, how its minutes are split between the sections, and who is
/// in it. Every change raises the version, which is also the calendar's SEQUENCE, so calendar software updates the
/// event in place instead of adding a second one.
/// </summary>
public sealed class SyncSeries
{
    private SyncSeries()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public DayOfWeek Weekday { get; private set; }
    public TimeOnly StartTime { get; private set; }
    public string TimeZone { get; private set; } = "";
    public int DurationMinutes { get; private set; }
    public int HorizonWeeks { get; private set; }
    public int MinimumItemMinutes { get; private set; }
    public List<SectionMinutesSetting> Sections { get; private set; } = [];
    public List<Participant> Participants { get; private set; } = [];
    public List<DateOnly> Cancellations { get; private set; } = [];
    public string CreatedById { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>RFC 5545 SEQUENCE: 0 for the first version, one more for every change.</summary>
    public int Sequence => Version - 1;

    public AgendaSettings AgendaSettings => new(TimeZone, StartTime, DurationMinutes, HorizonWeeks,
        Sections.Select(s => new SectionTimebox(s.Section, s.Minutes)).ToList(), MinimumItemMinutes);

    public static SyncSeries Create(SeriesSettings settings, string createdById, string createdBy, DateTimeOffset now)
    {
        var series = new SyncSeries { Id = Guid.CreateVersion7(now), CreatedById = createdById, CreatedBy = createdBy, CreatedAt = now };
        series.Apply(settings, now);
        return series;
    }

    public void Apply(SeriesSettings settings, DateTimeOffset now)
    {
        Name = settings.Name;
        Weekday = settings.Weekday;
        StartTime = settings.StartTime;
        TimeZone = settings.TimeZone;
        DurationMinutes = settings.DurationMinutes;
        HorizonWeeks = settings.HorizonWeeks;
        MinimumItemMinutes = settings.MinimumItemMinutes;
        Sections = settings.Sections.Select(s => new SectionMinutesSetting { Section = s.Section, Minutes = s.Minutes }).ToList();
        Participants = settings.Participants.Select(p => new Participant { Name = p.Name, Function = p.Function, Role = p.Role, Email = p.Email }).ToList();
        Touch(now);
    }

    /// <summary>Cancels one occurrence (an EXDATE in the calendar); cancelling it again changes nothing.</summary>
    public bool Cancel(DateOnly date, DateTimeOffset now)
    {
        if (Cancellations.Contains(date))
        {
            return false;
        }

        Cancellations = [.. Cancellations.Append(date).Order()];
        Touch(now);
        return true;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>What a caller sets on a series (validated before it gets here).</summary>
public sealed record SeriesSettings(
    string Name, DayOfWeek Weekday, TimeOnly StartTime, string TimeZone, int DurationMinutes, int HorizonWeeks,
    int MinimumItemMinutes, IReadOnlyList<SectionTimebox> Sections, IReadOnlyList<ParticipantInfo> Participants);

public sealed record ParticipantInfo(string Name, ParticipantFunction Function, string? Role, string? Email);

public sealed class SectionMinutesSetting
{
    public Section Section { get; set; }
    public int Minutes { get; set; }
}

public sealed class Participant
{
    public string Name { get; set; } = "";
    public ParticipantFunction Function { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
}
