using System.Text.Json;
using System.Text.Json.Serialization;

namespace MarketingDev.SyncMeetings.Domain;

/// <summary>
/// One sync of a series on a date, with its agenda snapshot. The agenda is rebuilt on request until the meeting
/// starts and frozen after; completing records attendance, actual minutes and decisions once.
/// </summary>
public sealed class Meeting
{
    /// <summary>
    /// The agenda is a document the pure builder produces and the API returns whole; it is stored as one jsonb value
    /// in the API's own spelling rather than mapped column by column.
    /// </summary>
    internal static readonly JsonSerializerOptions AgendaJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private Meeting()
    {
    }

    public Guid Id { get; private set; }
    public Guid SeriesId { get; private set; }
    public DateOnly Date { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public MeetingStatus Status { get; private set; }
    public string AgendaDocument { get; private set; } = "{}";
    public DateTimeOffset BuiltAt { get; private set; }
    public List<MeetingNote> Notes { get; private set; } = [];
    public List<Attendee> Attendees { get; private set; } = [];
    public List<SectionActual> SectionActuals { get; private set; } = [];
    public string? Summary { get; private set; }
    public List<string> Decisions { get; private set; } = [];
    public DateTimeOffset? CompletedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public int Version { get; private set; }

    public Agenda Agenda => JsonSerializer.Deserialize<Agenda>(AgendaDocument, AgendaJson)!;

    public static Meeting Schedule(Guid seriesId, Agenda agenda, string createdBy, DateTimeOffset now)
    {
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(now), SeriesId = seriesId, Date = agenda.Date, Status = MeetingStatus.Scheduled, CreatedBy = createdBy,
        };
        meeting.Rebuilt(agenda);
        return meeting;
    }

    public bool HasStarted(DateTimeOffset now) => now >= StartsAt;

    public void Rebuilt(Agenda agenda)
    {
        StartsAt = agenda.StartsAt;
        BuiltAt = agenda.BuiltAt;
        AgendaDocument = JsonSerializer.Serialize(agenda, AgendaJson);
        Version++;
    }

    public void AddNote(MeetingNote note)
    {
        Notes = [.. Notes, note];
        Version++;
    }

    public void Complete(IReadOnlyList<Attendee> attendees, IReadOnlyList<SectionActual> actuals, string? summary, IReadOnlyList<string> decisions, DateTimeOffset now)
    {
        Status = MeetingStatus.Completed;
        Attendees = [.. attendees];
        SectionActuals = [.. actuals];
        Summary = summary;
        Decisions = [.. decisions];
        CompletedAt = now;
        Version++;
    }
}

public sealed class MeetingNote
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public NoteKind Kind { get; set; }
    public string Text { get; set; } = "";
    public string ById { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public Guid? RoadblockId { get; set; }
}

public sealed class Attendee
{
    public string Name { get; set; } = "";
    public ParticipantFunction Function { get; set; }
}

public sealed class SectionActual
{
    public Section Section { get; set; }
    public int Planned { get; set; }
    public int Actual { get; set; }
}
