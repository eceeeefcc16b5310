using Grpc.Core;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Features.ActionItems;
using MarketingDev.SyncMeetings.Features.Ideas;
using MarketingDev.SyncMeetings.Features.Meetings;
using MarketingDev.SyncMeetings.Features.Series;
using MarketingDev.SyncMeetings.Features.Sessions;
using static MarketingDev.SyncMeetings.Grpc.ProtoMapping;
using Proto = MarketingDev.Contracts.Grpc.Meetings;

namespace MarketingDev.SyncMeetings.Grpc;

/// <summary>Thin: proto → command with the verified actor, call the handler, map back. Domain failures become status codes in the interceptor.</summary>
public sealed class SyncMeetingsGrpcService(
    CreateSeriesHandler createSeries,
    UpdateSeriesHandler updateSeries,
    GetSeriesHandler getSeries,
    CancelOccurrenceHandler cancelOccurrence,
    ScheduleMeetingHandler scheduleMeeting,
    RefreshAgendaHandler refreshAgenda,
    GetMeetingHandler getMeeting,
    AddNoteHandler addNote,
    CompleteMeetingHandler completeMeeting,
    IdeasHandler ideas,
    ActionItemsHandler actionItems,
    SessionsHandler sessions,
    TimeProvider clock) : Proto.SyncMeetings.SyncMeetingsBase
{
    public override async Task<Proto.SeriesReply> CreateSeries(Proto.CreateSeriesCommand command, ServerCallContext context) =>
        (await createSeries.HandleAsync(new CreateSeries((command.Settings ?? new()).ToInput(), context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken)).ToReply();

    public override async Task<Proto.SeriesReply> GetSeries(Proto.SeriesQuery query, ServerCallContext context) =>
        (await getSeries.HandleAsync(query.Id, context.CancellationToken)).ToReply();

    public override async Task<Proto.SeriesReply> UpdateSeries(Proto.UpdateSeriesCommand command, ServerCallContext context) =>
        (await updateSeries.HandleAsync(new UpdateSeries(command.Id, (command.Settings ?? new()).ToInput(), command.ExpectedVersion, context.GetActor()),
            context.CancellationToken)).ToReply();

    public override async Task<Proto.SeriesList> ListSeries(Proto.ListSeriesQuery query, ServerCallContext context)
    {
        var list = new Proto.SeriesList();
        list.Items.AddRange((await getSeries.ListAsync(context.CancellationToken)).Select(s => s.ToProto()));
        return list;
    }

    public override async Task<Proto.SeriesReply> CancelOccurrence(Proto.CancelOccurrenceCommand command, ServerCallContext context) =>
        (await cancelOccurrence.HandleAsync(new CancelOccurrence(command.SeriesId, ToDate(command.Date), context.GetActor()), context.CancellationToken)).ToReply();

    public override async Task<Proto.TextReply> GetCalendar(Proto.CalendarQuery query, ServerCallContext context) =>
        new() { Text = await getSeries.CalendarAsync(query.SeriesId, query.AgendaUrl, context.CancellationToken) };

    public override async Task<Proto.MeetingReply> ScheduleMeeting(Proto.ScheduleMeetingCommand command, ServerCallContext context) =>
        await ReplyAsync(await scheduleMeeting.HandleAsync(new ScheduleMeeting(command.SeriesId, ToDate(command.Date), context.GetActor()), context.CancellationToken), context);

    public override async Task<Proto.MeetingReply> RefreshAgenda(Proto.MeetingQuery query, ServerCallContext context) =>
        await ReplyAsync(await refreshAgenda.HandleAsync(new RefreshAgenda(query.MeetingId, context.GetActor()), context.CancellationToken), context);

    public override async Task<Proto.MeetingReply> GetMeeting(Proto.MeetingQuery query, ServerCallContext context)
    {
        var (meeting, series) = await getMeeting.HandleAsync(query.MeetingId, context.CancellationToken);
        return new Proto.MeetingReply { Meeting = meeting.ToProto(series) };
    }

    public override async Task<Proto.TextReply> GetAgendaMarkdown(Proto.MeetingQuery query, ServerCallContext context) =>
        new() { Text = await getMeeting.MarkdownAsync(query.MeetingId, context.CancellationToken) };

    public override async Task<Proto.TextReply> GetNextAgendaMarkdown(Proto.SeriesQuery query, ServerCallContext context) =>
        new() { Text = await getMeeting.NextMarkdownAsync(query.Id, context.CancellationToken) };

    public override async Task<Proto.AddNoteReply> AddNote(Proto.AddNoteCommand command, ServerCallContext context)
    {
        var (meeting, noteId, requestId) = await addNote.HandleAsync(new AddNote(command.MeetingId, command.ItemId, command.Text,
            Enum<NoteKind>((int)command.Kind), command.HasRoadblockId ? command.RoadblockId : null, command.ValidateOnly, context.GetActor()), context.CancellationToken);
        var reply = await ReplyAsync(meeting, context);
        return new Proto.AddNoteReply { Meeting = reply.Meeting, NoteId = noteId == Guid.Empty ? "" : noteId.ToString(), RequestId = requestId?.ToString() ?? "" };
    }

    public override async Task<Proto.MeetingReply> CompleteMeeting(Proto.CompleteMeetingCommand command, ServerCallContext context) =>
        await ReplyAsync(await completeMeeting.HandleAsync(new CompleteMeeting(command.MeetingId, command.Attendees.ToInput(),
            command.SectionMinutes.Select(s => new SectionMinutesInput(Enum<Section>((int)s.Section), s.Minutes)).ToList(),
            command.Summary, command.Decisions, context.GetActor()), context.CancellationToken), context);

    public override async Task<Proto.Idea> AddIdea(Proto.AddIdeaCommand command, ServerCallContext context) =>
        (await ideas.AddAsync(new AddIdea(command.SeriesId, command.Text, context.GetActor()), context.CancellationToken)).ToProto();

    public override async Task<Proto.Idea> DecideIdea(Proto.DecideIdeaCommand command, ServerCallContext context) =>
        (await ideas.DecideAsync(new DecideIdea(command.IdeaId, Enum<IdeaStatus>((int)command.Decision),
            command.HasRequestId ? command.RequestId : null, command.ValidateOnly, context.GetActor()), context.CancellationToken)).ToProto();

    public override async Task<Proto.IdeaList> ListIdeas(Proto.ListIdeasQuery query, ServerCallContext context)
    {
        var list = new Proto.IdeaList();
        list.Items.AddRange((await ideas.ListAsync(new ListIdeas(query.SeriesId, Filter<IdeaStatus>((int)query.Status, "#/status")), context.CancellationToken))
            .Select(i => i.ToProto()));
        return list;
    }

    public override async Task<Proto.ActionItem> AssignActionItem(Proto.AssignActionItemCommand command, ServerCallContext context) =>
        (await actionItems.AssignAsync(new AssignActionItem(command.MeetingId, command.Title, command.Owner, ToDate(command.DueDate),
            command.HasRequestId ? command.RequestId : null, context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken)).ToProto(Today());

    public override async Task<Proto.ActionItem> CompleteActionItem(Proto.ActionItemQuery query, ServerCallContext context) =>
        (await actionItems.CompleteAsync(new CompleteActionItem(query.ActionItemId, context.GetActor()), context.CancellationToken)).ToProto(Today());

    public override async Task<Proto.ActionItemList> ListActionItems(Proto.ListActionItemsQuery query, ServerCallContext context)
    {
        var status = query.Status switch
        {
            Proto.ActionItemStatus.Open => "open",
            Proto.ActionItemStatus.Overdue => "overdue",
            Proto.ActionItemStatus.Done => "done",
            Proto.ActionItemStatus.Unspecified => null,
            _ => "unknown",
        };
        var list = new Proto.ActionItemList();
        list.Items.AddRange((await actionItems.ListAsync(new ListActionItems(query.Owner, status, query.SeriesId), context.CancellationToken))
            .Select(a => a.ToProto(Today())));
        return list;
    }

    public override async Task<Proto.Session> RecordSession(Proto.RecordSessionCommand command, ServerCallContext context) =>
        (await sessions.RecordAsync(new RecordSession(Enum<SessionType>((int)command.Type), command.Title, ToDate(command.Date), command.DurationMinutes,
            command.Presenter, Enum<ParticipantFunction>((int)command.PresenterFunction), command.Attendees.ToInput(),
            command.HasRequestId ? command.RequestId : null, command.Topics, context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken)).ToProto();

    public override async Task<Proto.SessionList> ListSessions(Proto.ListSessionsQuery query, ServerCallContext context)
    {
        var list = new Proto.SessionList();
        list.Items.AddRange((await sessions.ListAsync(new ListSessions(Filter<SessionType>((int)query.Type, "#/type"), ToDate(query.From), ToDate(query.To)),
            context.CancellationToken)).Select(s => s.ToProto()));
        return list;
    }

    private async Task<Proto.MeetingReply> ReplyAsync(Meeting meeting, ServerCallContext context)
    {
        var series = await getSeries.HandleAsync(meeting.SeriesId.ToString(), context.CancellationToken);
        return new Proto.MeetingReply { Meeting = meeting.ToProto(series) };
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
