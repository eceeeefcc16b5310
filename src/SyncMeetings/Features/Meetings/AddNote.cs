using FluentValidation;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;

namespace MarketingDev.SyncMeetings.Features.Meetings;

public sealed record AddNote(string MeetingId, string ItemId, string Text, NoteKind? Kind, string? RoadblockId, bool ValidateOnly, Actor Actor);

public sealed class AddNoteValidator : AbstractValidator<AddNote>
{
    public AddNoteValidator()
    {
        RuleFor(n => n.Text).RequiredText(4000);
        RuleFor(n => n.Kind).NotNull().WithMessage($"Kind must be one of: {WireName.Names<NoteKind>()}.");
        RuleFor(n => n.RoadblockId).OptionalGuid();
    }
}

/// <summary>
/// Feedback recorded against an agenda item during the sync, by anyone in it. A feasibility concern on an initiative may become a
/// roadblock on its request: the Gateway validates the note here first (nothing stored), raises the roadblock in the
/// Requests service, then stores the note with the roadblock's id.
/// </summary>
public sealed class AddNoteHandler(MeetingsDbContext db, IValidator<AddNote> validator, TimeProvider clock)
{
    public async Task<(Meeting Meeting, Guid NoteId, Guid? RequestId)> HandleAsync(AddNote command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        var meeting = await db.MeetingAsync(command.MeetingId, ct);
        var agenda = meeting.Agenda;
        var item = Guid.TryParse(command.ItemId, out var itemId)
            ? agenda.Sections.SelectMany(s => s.Items.Concat(s.Deferred)).FirstOrDefault(i => i.ItemId == itemId)
            : null;
        if (item is null)
        {
            throw new NotFoundException("Agenda item", command.ItemId);
        }

        if (meeting.Status == MeetingStatus.Completed)
        {
            throw new ConflictException("The meeting is completed; its notes are closed.");
        }

        if (command.RoadblockId is not null && (command.Kind != NoteKind.Feasibility || item.Kind != AgendaItemKind.Request))
        {
            throw new UnprocessableException("Only a feasibility note on an initiative (a request) raises a roadblock.",
                """{"code":"ROADBLOCK_NEEDS_FEASIBILITY_ON_REQUEST"}""");
        }

        if (command.ValidateOnly)
        {
            return (meeting, Guid.Empty, item.RequestId);
        }

        var now = clock.GetStoredUtcNow();
        var note = new MeetingNote
        {
            Id = Guid.CreateVersion7(now), ItemId = item.ItemId, Kind = command.Kind!.Value, Text = command.Text.Trim(),
            ById = command.Actor.Id, By = command.Actor.Name, At = now, RoadblockId = command.RoadblockId.ToGuid(),
        };
        meeting.AddNote(note);
        await db.SaveChangesAsync(ct);
        return (meeting, note.Id, item.RequestId);
    }
}
