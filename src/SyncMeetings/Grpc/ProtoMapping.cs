using Google.Protobuf.WellKnownTypes;
using MarketingDev.Contracts.Grpc;
using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Features.Meetings;
using MarketingDev.SyncMeetings.Features.Series;
using Proto = MarketingDev.Contracts.Grpc.Meetings;

namespace MarketingDev.SyncMeetings.Grpc;

/// <summary>
/// Proto ⇄ domain. Proto enums are the domain enums shifted by one (0 is UNSPECIFIED); an unspecified or unknown
/// number maps to null, which the validators refuse with the field's pointer.
/// </summary>
internal static class ProtoMapping
{
    public static T? Enum<T>(int proto) where T : struct, System.Enum =>
        proto > 0 && System.Enum.IsDefined(typeof(T), proto - 1) ? (T)(object)(proto - 1) : null;

    /// <summary>An optional filter: 0 means none; a number the proto does not define is refused with the field's pointer.</summary>
    public static T? Filter<T>(int proto, string pointer) where T : struct, System.Enum =>
        proto == 0 ? null
        : Enum<T>(proto) ?? throw new ServiceDefaults.Errors.InvalidInputException(pointer, $"Must be one of: {ServiceDefaults.WireName.Names<T>()}.");

    public static TProto ToProto<TProto>(System.Enum value) where TProto : struct, System.Enum => (TProto)(object)(Convert.ToInt32(value) + 1);

    public static DateOnly? ToDate(Contracts.Grpc.Common.Date? date) => date.TryToDateOnly(out var value) ? value : null;

    public static Timestamp ToProto(this DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    public static SeriesInput ToInput(this Proto.SeriesSettings s)
    {
        var weekday = (int)s.Weekday;
        return new SeriesInput(
            s.Name,
            weekday is >= 1 and <= 7 ? (DayOfWeek)(weekday % 7) : null,
            weekday is >= 0 and <= 7,
            s.StartTime?.Hours,
            s.StartTime?.Minutes,
            s.TimeZone,
            s.HasDurationMinutes ? s.DurationMinutes : null,
            s.HasHorizonWeeks ? s.HorizonWeeks : null,
            s.HasMinimumItemMinutes ? s.MinimumItemMinutes : null,
            s.Sections.Select(x => new SectionInput(Enum<Section>((int)x.Section), x.Minutes)).ToList(),
            s.Participants.Select(p => new ParticipantInput(p.Name, Enum<ParticipantFunction>((int)p.Function), p.Role, p.Email)).ToList());
    }

    public static Proto.SeriesReply ToReply(this SyncSeries series)
    {
        var reply = new Proto.SeriesReply { Series = series.ToProto() };
        reply.Warnings.AddRange(SeriesWarnings.For(series.Participants).Select(w => new Proto.Warning { Code = w.Code, Message = w.Message }));
        return reply;
    }

    public static Proto.Series ToProto(this SyncSeries s)
    {
        var proto = new Proto.Series
        {
            Id = s.Id.ToString(), Name = s.Name, Weekday = (Proto.Weekday)(s.Weekday == DayOfWeek.Sunday ? 7 : (int)s.Weekday),
            StartTime = new Proto.TimeOfDay { Hours = s.StartTime.Hour, Minutes = s.StartTime.Minute }, TimeZone = s.TimeZone,
            DurationMinutes = s.DurationMinutes, HorizonWeeks = s.HorizonWeeks, MinimumItemMinutes = s.MinimumItemMinutes,
            Version = s.Version, Sequence = s.Sequence, CreatedBy = s.CreatedBy, CreatedAt = s.CreatedAt.ToProto(), UpdatedAt = s.UpdatedAt.ToProto(),
        };
        proto.Sections.AddRange(s.Sections.Select(x => new Proto.SectionTimebox { Section = ToProto<Proto.Section>(x.Section), Minutes = x.Minutes }));
        proto.Participants.AddRange(s.Participants.Select(p => new Proto.Participant
        {
            Name = p.Name, Function = ToProto<Proto.ParticipantFunction>(p.Function), Role = p.Role ?? "", Email = p.Email ?? "",
        }));
        proto.Cancellations.AddRange(s.Cancellations.Select(d => d.ToProto()));
        return proto;
    }

    public static Proto.Meeting ToProto(this Meeting m, SyncSeries series)
    {
        var proto = new Proto.Meeting
        {
            Id = m.Id.ToString(), SeriesId = m.SeriesId.ToString(), SeriesName = series.Name, Date = m.Date.ToProto(), StartsAt = m.StartsAt.ToProto(),
            Status = ToProto<Proto.MeetingStatus>(m.Status), Agenda = m.Agenda.ToProto(), Summary = m.Summary ?? "", CompletedAt = m.CompletedAt?.ToProto(),
            Version = m.Version,
        };
        proto.Notes.AddRange(m.Notes.Select(n =>
        {
            var note = new Proto.Note
            {
                Id = n.Id.ToString(), ItemId = n.ItemId.ToString(), Kind = ToProto<Proto.NoteKind>(n.Kind), Text = n.Text, By = n.By, At = n.At.ToProto(),
            };
            if (n.RoadblockId is { } roadblock)
            {
                note.RoadblockId = roadblock.ToString();
            }

            return note;
        }));
        proto.Attendees.AddRange(m.Attendees.Select(a => new Proto.Attendee { Name = a.Name, Function = ToProto<Proto.ParticipantFunction>(a.Function) }));
        proto.SectionActuals.AddRange(m.SectionActuals.Select(a => new Proto.SectionActual
        {
            Section = ToProto<Proto.Section>(a.Section), Planned = a.Planned, Actual = a.Actual,
        }));
        proto.Decisions.AddRange(m.Decisions);
        return proto;
    }

    public static Proto.Agenda ToProto(this Agenda agenda)
    {
        var proto = new Proto.Agenda
        {
            Date = agenda.Date.ToProto(), StartsAt = agenda.StartsAt.ToProto(), DurationMinutes = agenda.DurationMinutes,
            MinimumItemMinutes = agenda.MinimumItemMinutes, BuiltAt = agenda.BuiltAt.ToProto(), SpareMinutes = agenda.SpareMinutes,
        };
        proto.Sections.AddRange(agenda.Sections.Select(s =>
        {
            var section = new Proto.AgendaSection
            {
                Section = ToProto<Proto.Section>(s.Section), TimeboxMinutes = s.TimeboxMinutes, CarriedInMinutes = s.CarriedInMinutes,
                AllottedMinutes = s.AllottedMinutes,
            };
            section.Items.AddRange(s.Items.Select(ToProto));
            section.Deferred.AddRange(s.Deferred.Select(ToProto));
            return section;
        }));
        return proto;
    }

    private static Proto.AgendaItem ToProto(AgendaItem i)
    {
        var proto = new Proto.AgendaItem
        {
            ItemId = i.ItemId.ToString(), Kind = ToProto<Proto.AgendaItemKind>(i.Kind), Title = i.Title, Minutes = i.Minutes,
            RequestKey = i.RequestKey ?? "", Status = i.Status ?? "", Priority = i.Priority ?? "", LaunchDate = i.LaunchDate.ToProto(),
            EstimateSize = i.EstimateSize ?? "", Severity = i.Severity ?? "", Owner = i.Owner ?? "", DueDate = i.DueDate.ToProto(),
            Since = i.Since?.ToProto(), Detail = i.Detail ?? "", DeferredReason = i.DeferredReason ?? "",
        };
        proto.Flags.AddRange(i.Flags.Select(f => ToProto<Proto.AgendaFlag>(f)));
        if (i.RequestId is { } requestId)
        {
            proto.RequestId = requestId.ToString();
        }

        return proto;
    }

    public static Proto.Idea ToProto(this Idea idea)
    {
        var proto = new Proto.Idea
        {
            Id = idea.Id.ToString(), SeriesId = idea.SeriesId.ToString(), Text = idea.Text, Status = ToProto<Proto.IdeaStatus>(idea.Status),
            By = idea.By, CreatedAt = idea.CreatedAt.ToProto(),
        };
        if (idea.RequestId is { } requestId)
        {
            proto.RequestId = requestId.ToString();
        }

        return proto;
    }

    public static Proto.ActionItem ToProto(this ActionItem a, DateOnly today)
    {
        var proto = new Proto.ActionItem
        {
            Id = a.Id.ToString(), SeriesId = a.SeriesId.ToString(), MeetingId = a.MeetingId.ToString(), Title = a.Title, Owner = a.Owner,
            DueDate = a.DueDate.ToProto(),
            Status = a.Status == ActionItemStatus.Done ? Proto.ActionItemStatus.Done : Proto.ActionItemStatus.Open,
            Overdue = a.IsOverdue(today), AssignedAt = a.AssignedAt.ToProto(), CompletedBy = a.CompletedBy ?? "", CompletedAt = a.CompletedAt?.ToProto(),
        };
        if (a.RequestId is { } requestId)
        {
            proto.RequestId = requestId.ToString();
        }

        return proto;
    }

    public static Proto.Session ToProto(this Session s)
    {
        var proto = new Proto.Session
        {
            Id = s.Id.ToString(), Type = ToProto<Proto.SessionType>(s.Type), Title = s.Title, Date = s.Date.ToProto(), DurationMinutes = s.DurationMinutes,
            Presenter = s.Presenter, PresenterFunction = ToProto<Proto.ParticipantFunction>(s.PresenterFunction),
        };
        proto.Attendees.AddRange(s.Attendees.Select(a => new Proto.Attendee { Name = a.Name, Function = ToProto<Proto.ParticipantFunction>(a.Function) }));
        proto.Topics.AddRange(s.Topics);
        proto.AttendanceByFunction.Add(s.AttendanceByFunction().ToDictionary(p => p.Key, p => p.Value));
        if (s.RequestId is { } requestId)
        {
            proto.RequestId = requestId.ToString();
        }

        return proto;
    }

    public static IReadOnlyList<AttendeeInput> ToInput(this IEnumerable<Proto.Attendee> attendees) =>
        attendees.Select(a => new AttendeeInput(a.Name, Enum<ParticipantFunction>((int)a.Function))).ToList();
}
