using FluentValidation;
using MarketingDev.Contracts.Events.SyncMeetings;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Features.Sessions;

public sealed record RecordSession(
    SessionType? Type, string Title, DateOnly? Date, int DurationMinutes, string Presenter, ParticipantFunction? PresenterFunction,
    IReadOnlyList<AttendeeInput> Attendees, string? RequestId, IReadOnlyList<string> Topics, Actor Actor, string? IdempotencyKey = null);

public sealed record ListSessions(SessionType? Type, DateOnly? From, DateOnly? To);

public sealed class RecordSessionValidator : AbstractValidator<RecordSession>
{
    public const int MaxAttendees = 500;
    public const int MaxTopics = 20;

    public RecordSessionValidator()
    {
        RuleFor(s => s.Type).NotNull().WithMessage($"Type must be one of: {WireName.Names<SessionType>()}.");
        RuleFor(s => s.Title).RequiredText(200);
        RuleFor(s => s.Date).PlausibleDate();
        RuleFor(s => s.DurationMinutes).InclusiveBetween(5, 480);
        RuleFor(s => s.Presenter).RequiredText(200);
        RuleFor(s => s.PresenterFunction).NotNull().WithMessage($"Function must be one of: {WireName.Names<ParticipantFunction>()}.");
        RuleFor(s => s.Attendees).Must(a => a.Count <= MaxAttendees).WithMessage($"At most {MaxAttendees} attendees.");
        RuleForEach(s => s.Attendees).ChildRules(AttendeeRules.Apply).When(s => s.Attendees.Count <= MaxAttendees);
        RuleFor(s => s.RequestId).OptionalGuid();
        RuleFor(s => s.Topics).Must(t => t.Count <= MaxTopics).WithMessage($"At most {MaxTopics} topics.");
        RuleForEach(s => s.Topics).RequiredText(100).When(s => s.Topics.Count <= MaxTopics);
    }
}

/// <summary>
/// Records a cross-functional session (anyone may: developers present demos, marketers run strategy sessions) and
/// publishes SessionHeld with attendance by function. A kick-off linked to a request clears its needsKickoff flag.
/// </summary>
public sealed class SessionsHandler(MeetingsDbContext db, IValidator<RecordSession> validator, TimeProvider clock)
{
    public const int ListMax = 200;

    public async Task<Session> RecordAsync(RecordSession command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        if (await db.CreatedEarlierAsync<Session>(command.IdempotencyKey, command.Actor.Id, ct) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetStoredUtcNow();
        var session = Session.Record(command.Type!.Value, command.Title.Trim(), command.Date!.Value, command.DurationMinutes,
            command.Presenter.Trim(), command.PresenterFunction!.Value,
            command.Attendees.Select(a => new Attendee { Name = a.Name.Trim(), Function = a.Function!.Value }).ToList(),
            command.RequestId.ToGuid(), command.Topics.Select(t => t.Trim()).ToList(), command.Actor.Id, now);
        db.Sessions.Add(session);
        db.Publish(new SessionHeld(Guid.CreateVersion7(now), now, session.Id, WireName.ToWire(session.Type), session.Title, session.Date,
            session.DurationMinutes, WireName.ToWire(session.PresenterFunction), session.AttendanceByFunction(), session.RequestId));
        db.RememberCreated<Session>(command.IdempotencyKey, command.Actor.Id, session.Id, now);
        return await db.SaveChangesOrEarlierAsync<Session>(command.IdempotencyKey, command.Actor.Id, ct) ?? session;
    }

    public async Task<IReadOnlyList<Session>> ListAsync(ListSessions query, CancellationToken ct)
    {
        if (!TextRules.IsPlausible(query.From) || !TextRules.IsPlausible(query.To))
        {
            throw new InvalidInputException(TextRules.IsPlausible(query.From) ? "#/to" : "#/from",
                $"Dates lie between {TextRules.FirstDate:yyyy-MM-dd} and {TextRules.LastDate:yyyy-MM-dd}.");
        }

        if (query.From is { } from && query.To is { } to && to < from)
        {
            throw new InvalidInputException("#/to", "To must not be before from.");
        }

        var sessions = db.Sessions.AsNoTracking();
        if (query.Type is { } type)
        {
            sessions = sessions.Where(s => s.Type == type);
        }

        if (query.From is { } start)
        {
            sessions = sessions.Where(s => s.Date >= start);
        }

        if (query.To is { } end)
        {
            sessions = sessions.Where(s => s.Date <= end);
        }

        return await sessions.OrderByDescending(s => s.Date).ThenByDescending(s => s.RecordedAt).Take(ListMax).ToListAsync(ct);
    }
}
