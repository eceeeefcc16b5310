using System.Globalization;
using System.Text.Json;
using MarketingDev.Contracts.Grpc;
using Proto = MarketingDev.Contracts.Grpc.Meetings;

namespace MarketingDev.Gateway.Endpoints.SyncMeetings;

/// <summary>
/// REST ⇄ proto. Enums travel as camelCase names; a name the proto does not know becomes an undefined number, which
/// the service refuses with the field's pointer (it owns the rules, the Gateway only translates). Absent stays absent.
/// </summary>
internal static class SyncMeetingsMapping
{
    private const int Unknown = -1;

    /// <summary>
    /// Far above any rule of the service (which refuses with its own limits), but bounded here so that a list of a
    /// million entries is a 400, not a gRPC message too large for the service to receive.
    /// </summary>
    public const int TransportListMax = 20_000;

    public static IReadOnlyList<T> Bounded<T>(IReadOnlyList<T>? list, string pointer)
    {
        if (list is { Count: > TransportListMax })
        {
            var problem = Errors.ProblemCatalogue.Validation.Create("Fix the fields listed in errors.");
            problem.Extensions["errors"] = new[] { new Errors.Problems.FieldError(pointer, $"At most {TransportListMax} entries.") };
            throw new Errors.ApiProblemException(problem);
        }

        return list ?? [];
    }

    public static string Wire<T>(T value) where T : struct, Enum =>
        value is Proto.AgendaFlag.StillRelevant ? "stillRelevant?" : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static T Parse<T>(string? wire) where T : struct, Enum =>
        string.IsNullOrEmpty(wire) ? default
        : wire.All(char.IsAsciiLetter) && Enum.TryParse<T>(wire, ignoreCase: true, out var value) && Convert.ToInt32(value, CultureInfo.InvariantCulture) != 0
            ? value
            : (T)(object)Unknown;

    public static Proto.SeriesSettings ToProto(this SeriesBody body)
    {
        var settings = new Proto.SeriesSettings { Name = body.Name, TimeZone = body.TimeZone, Weekday = Parse<Proto.Weekday>(body.Weekday) };
        if (body.StartTime is not null)
        {
            settings.StartTime = TimeOnly.TryParseExact(body.StartTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                ? new Proto.TimeOfDay { Hours = start.Hour, Minutes = start.Minute }
                : new Proto.TimeOfDay { Hours = Unknown };
        }

        if (body.DurationMinutes is { } duration)
        {
            settings.DurationMinutes = duration;
        }

        if (body.HorizonWeeks is { } horizon)
        {
            settings.HorizonWeeks = horizon;
        }

        if (body.MinimumItemMinutes is { } minimum)
        {
            settings.MinimumItemMinutes = minimum;
        }

        settings.Sections.AddRange(Bounded(body.Sections, "#/sections").Select(s => new Proto.SectionTimebox { Section = Parse<Proto.Section>(s.Section), Minutes = s.Minutes }));
        settings.Participants.AddRange(Bounded(body.Participants, "#/participants").Select(p => new Proto.Participant
        {
            Name = p.Name, Function = Parse<Proto.ParticipantFunction>(p.Function), Role = p.Role ?? "", Email = p.Email ?? "",
        }));
        return settings;
    }

    public static SeriesView ToView(this Proto.SeriesReply reply)
    {
        var s = reply.Series;
        return new SeriesView(
            Guid.Parse(s.Id), s.Name, Wire(s.Weekday), $"{s.StartTime.Hours:00}:{s.StartTime.Minutes:00}", s.TimeZone, s.DurationMinutes,
            s.HorizonWeeks, s.MinimumItemMinutes, s.Sections.Select(x => new SectionTimeboxDto(Wire(x.Section), x.Minutes)).ToList(),
            s.Participants.Select(p => new ParticipantDto(p.Name, Wire(p.Function), NullIfEmpty(p.Role), NullIfEmpty(p.Email))).ToList(),
            s.Cancellations.Select(d => ToDate(d)!.Value).ToList(), s.Version, s.Sequence, s.CreatedBy, s.CreatedAt.ToDateTimeOffset(),
            s.UpdatedAt.ToDateTimeOffset(), $"/api/v1/sync-series/{s.Id}/calendar.ics",
            reply.Warnings.Select(w => new WarningView(w.Code, w.Message)).ToList());
    }

    public static MeetingView ToView(this Proto.Meeting m)
    {
        var a = m.Agenda;
        var agenda = new AgendaView(ToDate(a.Date)!.Value, a.StartsAt.ToDateTimeOffset(), a.DurationMinutes, a.MinimumItemMinutes,
            a.BuiltAt.ToDateTimeOffset(), a.Sections.Select(s => new AgendaSectionView(Wire(s.Section), s.TimeboxMinutes, s.CarriedInMinutes,
                s.AllottedMinutes, s.Items.Select(ToView).ToList(), s.Deferred.Select(ToView).ToList())).ToList(), a.SpareMinutes);
        var completion = m.Status == Proto.MeetingStatus.Completed
            ? new CompletionView(m.Attendees.Select(x => new AttendeeDto(x.Name, Wire(x.Function))).ToList(),
                m.SectionActuals.Select(x => new SectionActualView(Wire(x.Section), x.Planned, x.Actual)).ToList(), NullIfEmpty(m.Summary),
                m.Decisions.ToList(), m.CompletedAt.ToDateTimeOffset())
            : null;
        return new MeetingView(Guid.Parse(m.Id), Guid.Parse(m.SeriesId), m.SeriesName, ToDate(m.Date)!.Value, m.StartsAt.ToDateTimeOffset(),
            Wire(m.Status), agenda,
            m.Notes.Select(n => new NoteView(Guid.Parse(n.Id), Guid.Parse(n.ItemId), Wire(n.Kind), n.Text, n.By, n.At.ToDateTimeOffset(),
                n.HasRoadblockId ? Guid.Parse(n.RoadblockId) : null)).ToList(),
            completion, m.Version, $"/api/v1/meetings/{m.Id}/agenda.md");
    }

    private static AgendaItemView ToView(Proto.AgendaItem i) => new(
        Guid.Parse(i.ItemId), Wire(i.Kind), i.Title, i.Minutes, i.Flags.Select(f => Wire(f)).ToList(), i.HasRequestId ? Guid.Parse(i.RequestId) : null,
        NullIfEmpty(i.RequestKey), NullIfEmpty(i.Status), NullIfEmpty(i.Priority), ToDate(i.LaunchDate), NullIfEmpty(i.EstimateSize),
        NullIfEmpty(i.Severity), NullIfEmpty(i.Owner), ToDate(i.DueDate), i.Since?.ToDateTimeOffset(), NullIfEmpty(i.Detail), NullIfEmpty(i.DeferredReason));

    public static IdeaView ToView(this Proto.Idea i) => new(
        Guid.Parse(i.Id), Guid.Parse(i.SeriesId), i.Text, Wire(i.Status), i.By, i.CreatedAt.ToDateTimeOffset(), i.HasRequestId ? Guid.Parse(i.RequestId) : null);

    public static ActionItemView ToView(this Proto.ActionItem a) => new(
        Guid.Parse(a.Id), Guid.Parse(a.SeriesId), Guid.Parse(a.MeetingId), a.Title, a.Owner, ToDate(a.DueDate)!.Value,
        a.HasRequestId ? Guid.Parse(a.RequestId) : null, Wire(a.Status), a.Overdue, a.AssignedAt.ToDateTimeOffset(), NullIfEmpty(a.CompletedBy),
        a.CompletedAt?.ToDateTimeOffset());

    public static SessionView ToView(this Proto.Session s) => new(
        Guid.Parse(s.Id), Wire(s.Type), s.Title, ToDate(s.Date)!.Value, s.DurationMinutes, s.Presenter, Wire(s.PresenterFunction),
        s.Attendees.Select(a => new AttendeeDto(a.Name, Wire(a.Function))).ToList(), s.HasRequestId ? Guid.Parse(s.RequestId) : null,
        s.Topics.ToList(), s.AttendanceByFunction.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value));

    public static IEnumerable<Proto.Attendee> ToProto(this IEnumerable<AttendeeDto> attendees) =>
        attendees.Select(a => new Proto.Attendee { Name = a.Name, Function = Parse<Proto.ParticipantFunction>(a.Function) });

    private static DateOnly? ToDate(Contracts.Grpc.Common.Date? date) => date.TryToDateOnly(out var value) ? value : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
