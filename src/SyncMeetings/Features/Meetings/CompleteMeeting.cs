using FluentValidation;
using MarketingDev.Contracts.Events.SyncMeetings;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Features.Meetings;

public sealed record CompleteMeeting(
    string MeetingId, IReadOnlyList<AttendeeInput> Attendees, IReadOnlyList<SectionMinutesInput> SectionMinutes, string? Summary,
    IReadOnlyList<string> Decisions, Actor Actor);

public sealed record AttendeeInput(string Name, ParticipantFunction? Function);

public sealed record SectionMinutesInput(Section? Section, int Minutes);

public sealed class CompleteMeetingValidator : AbstractValidator<CompleteMeeting>
{
    public const int MaxAttendees = 100;
    public const int MaxDecisions = 50;

    public CompleteMeetingValidator()
    {
        RuleFor(c => c.Attendees).Must(a => a.Count is > 0 and <= MaxAttendees).WithMessage($"List 1 to {MaxAttendees} attendees.");
        RuleForEach(c => c.Attendees).ChildRules(AttendeeRules.Apply).When(c => c.Attendees.Count <= MaxAttendees);
        RuleFor(c => c.SectionMinutes).Must(s => s.Count <= 4).WithMessage("At most one entry per section.")
            .Must(s => s.Select(x => x.Section).Distinct().Count() == s.Count).WithMessage("Each section appears once.");
        RuleForEach(c => c.SectionMinutes).ChildRules(section =>
        {
            section.RuleFor(x => x.Section).NotNull().WithMessage($"Section must be one of: {WireName.Names<Section>()}.");
            section.RuleFor(x => x.Minutes).InclusiveBetween(0, 480);
        }).When(c => c.SectionMinutes.Count <= 4);
        RuleFor(c => c.Summary).Text(8000);
        RuleFor(c => c.Decisions).Must(d => d.Count <= MaxDecisions).WithMessage($"At most {MaxDecisions} decisions.");
        RuleForEach(c => c.Decisions).RequiredText(1000).When(c => c.Decisions.Count <= MaxDecisions);
    }
}

public static class AttendeeRules
{
    public static void Apply(InlineValidator<AttendeeInput> attendee)
    {
        attendee.RuleFor(a => a.Name).RequiredText(200);
        attendee.RuleFor(a => a.Function).NotNull().WithMessage($"Function must be one of: {WireName.Names<ParticipantFunction>()}.");
    }
}

/// <summary>Closes a sync once: attendance, actual minutes per section against the plan, decisions → MeetingCompleted.</summary>
public sealed class CompleteMeetingHandler(MeetingsDbContext db, IValidator<CompleteMeeting> validator, TimeProvider clock)
{
    public async Task<Meeting> HandleAsync(CompleteMeeting command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        var meeting = await db.MeetingAsync(command.MeetingId, ct);
        Features.Series.Organizers.Require(command.Actor);
        if (meeting.Status == MeetingStatus.Completed)
        {
            throw new ConflictException($"The meeting was already completed at {meeting.CompletedAt:yyyy-MM-dd HH:mm}Z.");
        }

        var series = await db.SeriesAsync(meeting.SeriesId.ToString(), ct);
        var now = clock.GetStoredUtcNow();
        var actuals = meeting.Agenda.Sections.Select(s => new SectionActual
        {
            Section = s.Section,
            Planned = s.TimeboxMinutes,
            Actual = command.SectionMinutes.FirstOrDefault(m => m.Section == s.Section)?.Minutes ?? 0,
        }).ToList();
        var attendees = command.Attendees.Select(a => new Attendee { Name = a.Name.Trim(), Function = a.Function!.Value }).ToList();
        var decisions = command.Decisions.Select(d => d.Trim()).ToList();
        meeting.Complete(attendees, actuals, string.IsNullOrWhiteSpace(command.Summary) ? null : command.Summary.Trim(), decisions, now);

        var openActionItems = await db.ActionItems.CountAsync(a => a.SeriesId == series.Id && a.Status == ActionItemStatus.Open, ct);
        db.Publish(new MeetingCompleted(Guid.CreateVersion7(now), now, meeting.Id, series.Id, series.Name, meeting.Date,
            series.DurationMinutes, actuals.Sum(a => a.Actual),
            actuals.Select(a => new SectionMinutes(WireName.ToWire(a.Section), a.Planned, a.Actual)).ToList(),
            attendees.GroupBy(a => WireName.ToWire(a.Function)).ToDictionary(g => g.Key, g => g.Count()),
            decisions.Count, openActionItems));
        await db.SaveChangesAsync(ct);
        return meeting;
    }
}
