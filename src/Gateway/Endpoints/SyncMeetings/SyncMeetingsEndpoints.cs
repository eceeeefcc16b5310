using MarketingDev.Contracts.Grpc;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Http;
using MarketingDev.Gateway.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static MarketingDev.Gateway.Endpoints.SyncMeetings.SyncMeetingsMapping;
using Meetings = MarketingDev.Contracts.Grpc.Meetings;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Gateway.Endpoints.SyncMeetings;

/// <summary>
/// The weekly Marketing-Dev Sync: series (with an .ics calendar), meetings with their agenda built from live data,
/// notes, ideas, action items, and the cross-functional sessions. Leads and admins organise; anyone reads, adds ideas
/// and notes, records sessions; an action item's owner may complete it.
/// </summary>
internal static class SyncMeetingsEndpoints
{
    private const string Markdown = "text/markdown";
    private const string ICalendar = "text/calendar";

    public static void MapSyncMeetingsEndpoints(this IEndpointRouteBuilder app)
    {
        var series = app.MapGroup("/api/v1/sync-series").WithTags("Sync series");
        series.MapPost("/", CreateSeriesAsync).WithName("CreateSyncSeries").RequireAuthorization(Policies.Organizer)
            .WithMetadata(new IdempotentAttribute())
            .WithSummary("Set up a sync series (leads, admins). Defaults: tuesday 09:30, 30 min, horizon 6 weeks, sections 10/10/5/5. " +
                         "The answer carries warnings (more than 7 participants, no developer, no marketer).")
            .Produces<SeriesView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);
        series.MapGet("/", ListSeriesAsync).WithName("ListSyncSeries").WithSummary("Every sync series, by name.")
            .Produces<Page<SeriesView>>().ProducesProblem(401);
        series.MapGet("/{id:guid}", GetSeriesAsync).WithName("GetSyncSeries").WithSummary("A sync series; its ETag is its version.")
            .Produces<SeriesView>().Produces(304).ProducesProblem(401).ProducesProblem(404);
        series.MapPut("/{id:guid}", UpdateSeriesAsync).WithName("UpdateSyncSeries").RequireAuthorization(Policies.Organizer).Conditional()
            .WithSummary("Replace a series' settings (leads, admins). If-Match: 412 when stale. Raises the calendar's SEQUENCE.")
            .Produces<SeriesView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(412).ProducesProblem(422);
        series.MapPost("/{id:guid}/cancellations", CancelOccurrenceAsync).WithName("CancelSyncOccurrence").RequireAuthorization(Policies.Organizer)
            .WithSummary("Cancel one occurrence: { date }. It becomes an EXDATE of the calendar (leads, admins).")
            .Produces<SeriesView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        series.MapGet("/{id:guid}/calendar.ics", CalendarAsync).WithName("GetSyncCalendar")
            .WithSummary("The series as an RFC 5545 calendar: a weekly VEVENT with RRULE, VTIMEZONE, attendees, EXDATE for cancellations.")
            .Produces<string>(200, ICalendar).ProducesProblem(401).ProducesProblem(404);
        series.MapGet("/{id:guid}/agenda.md", NextAgendaAsync).WithName("GetNextSyncAgenda")
            .WithSummary("The Markdown agenda of the series' next meeting (the calendar event links here); 404 when none is scheduled.")
            .Produces<string>(200, Markdown).ProducesProblem(401).ProducesProblem(404);
        series.MapPost("/{id:guid}/meetings", ScheduleMeetingAsync).WithName("ScheduleSyncMeeting").RequireAuthorization(Policies.Organizer)
            .WithSummary("Schedule the sync of a date: { date }. Builds and stores its agenda from the live read model (leads, admins).")
            .Produces<MeetingView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(409).ProducesProblem(422);
        series.MapPost("/{id:guid}/ideas", AddIdeaAsync).WithName("AddSyncIdea")
            .WithSummary("Drop an idea for the next sync's quick wins: { text } (anyone).")
            .Produces<IdeaView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404);
        series.MapGet("/{id:guid}/ideas", ListIdeasAsync).WithName("ListSyncIdeas")
            .WithSummary("The series' ideas, newest first; ?status=new|discussed|dropped|promoted.")
            .Produces<Page<IdeaView>>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404);

        var meetings = app.MapGroup("/api/v1/meetings").WithTags("Sync meetings");
        meetings.MapGet("/{mid:guid}", GetMeetingAsync).WithName("GetSyncMeeting")
            .WithSummary("A meeting with its agenda (sections, items with minutes and flags, deferred items with the reason), notes and completion.")
            .Produces<MeetingView>().ProducesProblem(401).ProducesProblem(404);
        meetings.MapGet("/{mid:guid}/agenda.md", AgendaMarkdownAsync).WithName("GetSyncAgendaMarkdown")
            .WithSummary("The agenda as Markdown, ready to paste into a chat channel.")
            .Produces<string>(200, Markdown).ProducesProblem(401).ProducesProblem(404);
        meetings.MapPost("/{mid:guid}/refresh", RefreshAsync).WithName("RefreshSyncAgenda").RequireAuthorization(Policies.Organizer)
            .WithSummary("Rebuild the agenda from the current data; 409 once the meeting has started (leads, admins).")
            .Produces<MeetingView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        meetings.MapPost("/{mid:guid}/items/{itemId:guid}/notes", AddNoteAsync).WithName("AddSyncNote")
            .WithSummary("Record feedback on an agenda item: { text, kind: feasibility|decision|note, raiseRoadblock?: { severity } }. " +
                         "raiseRoadblock (a feasibility note on an initiative) also raises a roadblock on its request (developers, leads, admins).")
            .Produces<MeetingView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(409).ProducesProblem(422);
        meetings.MapPost("/{mid:guid}/action-items", AssignActionItemAsync).WithName("AssignActionItem").RequireAuthorization(Policies.Organizer)
            .WithMetadata(new IdempotentAttribute())
            .WithSummary("Assign an action item: { title, owner, dueDate, requestId? }; 422 when due before the meeting (leads, admins).")
            .Produces<ActionItemView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        meetings.MapPost("/{mid:guid}/complete", CompleteMeetingAsync).WithName("CompleteSyncMeeting").RequireAuthorization(Policies.Organizer)
            .WithSummary("Close the meeting: { attendees, sectionMinutes, notes, decisions } → MeetingCompleted (planned vs actual); 409 the second time.")
            .Produces<MeetingView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        var ideas = app.MapGroup("/api/v1/ideas").WithTags("Sync meetings");
        ideas.MapPost("/{id:guid}/promote", PromoteIdeaAsync).WithName("PromoteSyncIdea").RequireAuthorization(Policies.Organizer)
            .WithSummary("Turn an idea into a draft request (in the Requests service) and mark it promoted with the request's id (leads, admins).")
            .Produces<IdeaView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        ideas.MapPost("/{id:guid}/drop", (Guid id, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct) =>
                DecideIdeaAsync(id, Meetings.IdeaStatus.Dropped, client, ct))
            .WithName("DropSyncIdea").RequireAuthorization(Policies.Organizer).WithSummary("Drop an idea (leads, admins).")
            .Produces<IdeaView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        ideas.MapPost("/{id:guid}/discuss", (Guid id, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct) =>
                DecideIdeaAsync(id, Meetings.IdeaStatus.Discussed, client, ct))
            .WithName("DiscussSyncIdea").RequireAuthorization(Policies.Organizer).WithSummary("Mark an idea discussed (leads, admins).")
            .Produces<IdeaView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        var actionItems = app.MapGroup("/api/v1/action-items").WithTags("Sync meetings");
        actionItems.MapPost("/{aid:guid}/complete", CompleteActionItemAsync).WithName("CompleteActionItem")
            .WithSummary("Complete an action item (its owner, a lead or an admin); 409 when already done.")
            .Produces<ActionItemView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        actionItems.MapGet("/", ListActionItemsAsync).WithName("ListActionItems")
            .WithSummary("Action items by due date; ?owner=, ?status=open|overdue|done, ?seriesId=.")
            .Produces<Page<ActionItemView>>().ProducesValidationProblem().ProducesProblem(401);

        var sessions = app.MapGroup("/api/v1/sessions").WithTags("Sessions");
        sessions.MapPost("/", RecordSessionAsync).WithName("RecordSession").WithMetadata(new IdempotentAttribute())
            .WithSummary("Record a cross-functional session (anyone) → SessionHeld with attendance by function. A kickoff linked to a " +
                         "request clears its needsKickoff on the agenda.")
            .Produces<SessionView>(201).ProducesValidationProblem().ProducesProblem(401);
        sessions.MapGet("/", ListSessionsAsync).WithName("ListSessions")
            .WithSummary("Sessions, newest first; ?type=, ?from=, ?to= (yyyy-MM-dd, inclusive).")
            .Produces<Page<SessionView>>().ProducesValidationProblem().ProducesProblem(401);
    }

    private static Ok<SeriesView> SeriesResult(Meetings.SeriesReply reply, HttpContext http)
    {
        http.Response.Headers.ETag = ETags.For(reply.Series.Version);
        return TypedResults.Ok(reply.ToView());
    }

    private static async Task<Created<SeriesView>> CreateSeriesAsync(
        SeriesBody body, Meetings.SyncMeetings.SyncMeetingsClient client, HttpContext http, CancellationToken ct)
    {
        var reply = await client.CreateSeriesAsync(new Meetings.CreateSeriesCommand { Settings = body.ToProto() }, cancellationToken: ct);
        http.Response.Headers.ETag = ETags.For(reply.Series.Version);
        return TypedResults.Created($"/api/v1/sync-series/{reply.Series.Id}", reply.ToView());
    }

    private static async Task<Ok<Page<SeriesView>>> ListSeriesAsync(Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct)
    {
        var list = await client.ListSeriesAsync(new Meetings.ListSeriesQuery(), cancellationToken: ct);
        return TypedResults.Ok(new Page<SeriesView>(list.Items.Select(s => new Meetings.SeriesReply { Series = s }.ToView()).ToList(), null));
    }

    private static async Task<Results<Ok<SeriesView>, StatusCodeHttpResult>> GetSeriesAsync(
        Guid id, Meetings.SyncMeetings.SyncMeetingsClient client, HttpContext http, CancellationToken ct)
    {
        var reply = await client.GetSeriesAsync(new Meetings.SeriesQuery { Id = id.ToString() }, cancellationToken: ct);
        http.Response.Headers.ETag = ETags.For(reply.Series.Version);
        return ETags.NotModified(http.Request, reply.Series.Version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(reply.ToView());
    }

    private static async Task<Ok<SeriesView>> UpdateSeriesAsync(
        Guid id, SeriesBody body, Meetings.SyncMeetings.SyncMeetingsClient client, HttpContext http, CancellationToken ct) =>
        SeriesResult(await client.UpdateSeriesAsync(new Meetings.UpdateSeriesCommand
        {
            Id = id.ToString(), Settings = body.ToProto(), ExpectedVersion = ETags.ExpectedVersion(http.Request) ?? 0,
        }, cancellationToken: ct), http);

    private static async Task<Ok<SeriesView>> CancelOccurrenceAsync(
        Guid id, DateBody body, Meetings.SyncMeetings.SyncMeetingsClient client, HttpContext http, CancellationToken ct) =>
        SeriesResult(await client.CancelOccurrenceAsync(
            new Meetings.CancelOccurrenceCommand { SeriesId = id.ToString(), Date = body.Date.ToProto() }, cancellationToken: ct), http);

    private static async Task<ContentHttpResult> CalendarAsync(Guid id, Meetings.SyncMeetings.SyncMeetingsClient client, HttpContext http, CancellationToken ct)
    {
        var agendaUrl = $"{http.Request.Scheme}://{http.Request.Host}/api/v1/sync-series/{id}/agenda.md";
        var calendar = await client.GetCalendarAsync(new Meetings.CalendarQuery { SeriesId = id.ToString(), AgendaUrl = agendaUrl }, cancellationToken: ct);
        return TypedResults.Text(calendar.Text, ICalendar + "; charset=utf-8");
    }

    private static async Task<ContentHttpResult> NextAgendaAsync(Guid id, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct) =>
        TypedResults.Text((await client.GetNextAgendaMarkdownAsync(new Meetings.SeriesQuery { Id = id.ToString() }, cancellationToken: ct)).Text,
            Markdown + "; charset=utf-8");

    private static async Task<Created<MeetingView>> ScheduleMeetingAsync(
        Guid id, DateBody body, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct)
    {
        var reply = await client.ScheduleMeetingAsync(new Meetings.ScheduleMeetingCommand { SeriesId = id.ToString(), Date = body.Date.ToProto() },
            cancellationToken: ct);
        return TypedResults.Created($"/api/v1/meetings/{reply.Meeting.Id}", reply.Meeting.ToView());
    }

    private static async Task<Created<IdeaView>> AddIdeaAsync(Guid id, IdeaBody body, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct)
    {
        var idea = await client.AddIdeaAsync(new Meetings.AddIdeaCommand { SeriesId = id.ToString(), Text = body.Text }, cancellationToken: ct);
        return TypedResults.Created($"/api/v1/sync-series/{id}/ideas", idea.ToView());
    }

    private static async Task<Ok<Page<IdeaView>>> ListIdeasAsync(
        Guid id, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct, [FromQuery] string? status = null)
    {
        var list = await client.ListIdeasAsync(new Meetings.ListIdeasQuery { SeriesId = id.ToString(), Status = Parse<Meetings.IdeaStatus>(status) },
            cancellationToken: ct);
        return TypedResults.Ok(new Page<IdeaView>(list.Items.Select(i => i.ToView()).ToList(), null));
    }

    private static async Task<Ok<MeetingView>> GetMeetingAsync(Guid mid, Meetings.SyncMeetings.SyncMeetingsClient client, HttpContext http, CancellationToken ct)
    {
        var reply = await client.GetMeetingAsync(new Meetings.MeetingQuery { MeetingId = mid.ToString() }, cancellationToken: ct);
        http.Response.Headers.ETag = ETags.For(reply.Meeting.Version);
        return TypedResults.Ok(reply.Meeting.ToView());
    }

    private static async Task<ContentHttpResult> AgendaMarkdownAsync(Guid mid, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct) =>
        TypedResults.Text((await client.GetAgendaMarkdownAsync(new Meetings.MeetingQuery { MeetingId = mid.ToString() }, cancellationToken: ct)).Text,
            Markdown + "; charset=utf-8");

    private static async Task<Ok<MeetingView>> RefreshAsync(Guid mid, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct) =>
        TypedResults.Ok((await client.RefreshAgendaAsync(new Meetings.MeetingQuery { MeetingId = mid.ToString() }, cancellationToken: ct)).Meeting.ToView());

    /// <summary>
    /// With raiseRoadblock: the note is checked first (nothing stored), the roadblock is raised on the item's request in
    /// the Requests service, then the note is stored with the roadblock's id. A refusal at any step stores nothing after it.
    /// </summary>
    private static async Task<Created<MeetingView>> AddNoteAsync(
        Guid mid, Guid itemId, NoteBody body, Meetings.SyncMeetings.SyncMeetingsClient client, GrpcRequests.Requests.RequestsClient requests,
        CancellationToken ct)
    {
        var command = new Meetings.AddNoteCommand { MeetingId = mid.ToString(), ItemId = itemId.ToString(), Text = body.Text, Kind = Parse<Meetings.NoteKind>(body.Kind) };
        if (body.RaiseRoadblock is { } raise)
        {
            var check = command.Clone();
            check.ValidateOnly = true;
            check.RoadblockId = Guid.Empty.ToString();
            var target = await client.AddNoteAsync(check, cancellationToken: ct);
            var roadblock = await requests.RaiseRoadblockAsync(
                new GrpcRequests.RaiseRoadblockCommand { RequestId = target.RequestId, Description = body.Text, Severity = Parse<GrpcRequests.RoadblockSeverity>(raise.Severity) }, cancellationToken: ct);
            command.RoadblockId = roadblock.Id;
        }

        var reply = await client.AddNoteAsync(command, cancellationToken: ct);
        return TypedResults.Created($"/api/v1/meetings/{mid}", reply.Meeting.ToView());
    }

    private static async Task<Created<ActionItemView>> AssignActionItemAsync(
        Guid mid, ActionItemBody body, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct)
    {
        var command = new Meetings.AssignActionItemCommand { MeetingId = mid.ToString(), Title = body.Title, Owner = body.Owner, DueDate = body.DueDate.ToProto() };
        if (body.RequestId is { } requestId)
        {
            command.RequestId = requestId.ToString();
        }

        var item = await client.AssignActionItemAsync(command, cancellationToken: ct);
        return TypedResults.Created($"/api/v1/action-items?seriesId={item.SeriesId}", item.ToView());
    }

    private static async Task<Ok<MeetingView>> CompleteMeetingAsync(
        Guid mid, CompleteBody body, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct)
    {
        var command = new Meetings.CompleteMeetingCommand { MeetingId = mid.ToString(), Summary = body.Notes ?? "" };
        command.Attendees.AddRange(Bounded(body.Attendees, "#/attendees").ToProto());
        command.SectionMinutes.AddRange(Bounded(body.SectionMinutes?.ToList(), "#/sectionMinutes")
            .Select(s => new Meetings.SectionMinutes { Section = Parse<Meetings.Section>(s.Key), Minutes = s.Value }));
        command.Decisions.AddRange(Bounded(body.Decisions, "#/decisions"));
        return TypedResults.Ok((await client.CompleteMeetingAsync(command, cancellationToken: ct)).Meeting.ToView());
    }

    private static async Task<Ok<IdeaView>> PromoteIdeaAsync(
        Guid id, Meetings.SyncMeetings.SyncMeetingsClient client, GrpcRequests.Requests.RequestsClient requests, CancellationToken ct)
    {
        var idea = await client.DecideIdeaAsync(new Meetings.DecideIdeaCommand { IdeaId = id.ToString(), Decision = Meetings.IdeaStatus.Promoted, ValidateOnly = true },
            cancellationToken: ct);
        var title = idea.Text.ReplaceLineEndings(" ");
        var draft = await requests.DraftRequestAsync(new GrpcRequests.DraftRequestCommand
        {
            Content = new GrpcRequests.RequestContent { Title = title.Length > 200 ? title[..200] : title },
        }, cancellationToken: ct);
        return TypedResults.Ok((await client.DecideIdeaAsync(new Meetings.DecideIdeaCommand
        {
            IdeaId = id.ToString(), Decision = Meetings.IdeaStatus.Promoted, RequestId = draft.Request.Id,
        }, cancellationToken: ct)).ToView());
    }

    private static async Task<Ok<IdeaView>> DecideIdeaAsync(Guid id, Meetings.IdeaStatus decision, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct) =>
        TypedResults.Ok((await client.DecideIdeaAsync(new Meetings.DecideIdeaCommand { IdeaId = id.ToString(), Decision = decision }, cancellationToken: ct)).ToView());

    private static async Task<Ok<ActionItemView>> CompleteActionItemAsync(Guid aid, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct) =>
        TypedResults.Ok((await client.CompleteActionItemAsync(new Meetings.ActionItemQuery { ActionItemId = aid.ToString() }, cancellationToken: ct)).ToView());

    private static async Task<Ok<Page<ActionItemView>>> ListActionItemsAsync(
        Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct,
        [FromQuery] string? owner = null, [FromQuery] string? status = null, [FromQuery] Guid? seriesId = null)
    {
        var list = await client.ListActionItemsAsync(new Meetings.ListActionItemsQuery
        {
            Owner = owner ?? "", Status = Parse<Meetings.ActionItemStatus>(status), SeriesId = seriesId?.ToString() ?? "",
        }, cancellationToken: ct);
        return TypedResults.Ok(new Page<ActionItemView>(list.Items.Select(a => a.ToView()).ToList(), null));
    }

    private static async Task<Created<SessionView>> RecordSessionAsync(SessionBody body, Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct)
    {
        var command = new Meetings.RecordSessionCommand
        {
            Type = Parse<Meetings.SessionType>(body.Type), Title = body.Title, Date = body.Date.ToProto(), DurationMinutes = body.DurationMinutes,
            Presenter = body.Presenter, PresenterFunction = Parse<Meetings.ParticipantFunction>(body.PresenterFunction),
        };
        command.Attendees.AddRange(Bounded(body.Attendees, "#/attendees").ToProto());
        command.Topics.AddRange(Bounded(body.Topics, "#/topics"));
        if (body.RequestId is { } requestId)
        {
            command.RequestId = requestId.ToString();
        }

        var session = await client.RecordSessionAsync(command, cancellationToken: ct);
        return TypedResults.Created($"/api/v1/sessions?from={session.Date.Year:0000}-{session.Date.Month:00}-{session.Date.Day:00}", session.ToView());
    }

    private static async Task<Ok<Page<SessionView>>> ListSessionsAsync(
        Meetings.SyncMeetings.SyncMeetingsClient client, CancellationToken ct,
        [FromQuery] string? type = null, [FromQuery] DateOnly? from = null, [FromQuery] DateOnly? to = null)
    {
        var list = await client.ListSessionsAsync(new Meetings.ListSessionsQuery
        {
            Type = Parse<Meetings.SessionType>(type), From = from?.ToProto(), To = to?.ToProto(),
        }, cancellationToken: ct);
        return TypedResults.Ok(new Page<SessionView>(list.Items.Select(s => s.ToView()).ToList(), null));
    }
}
