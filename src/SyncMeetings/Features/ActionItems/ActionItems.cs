using FluentValidation;
using MarketingDev.Contracts.Events.SyncMeetings;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Features.Series;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Features.ActionItems;

/// <summary>IdempotencyKey (from the Gateway) makes a retry return the first action item.</summary>
public sealed record AssignActionItem(string MeetingId, string Title, string Owner, DateOnly? DueDate, string? RequestId, Actor Actor,
    string? IdempotencyKey = null);

public sealed record CompleteActionItem(string ActionItemId, Actor Actor);

/// <summary>Filter: open, overdue (open and due before today), done; null for all.</summary>
public sealed record ListActionItems(string? Owner, string? Status, string? SeriesId);

public sealed class AssignActionItemValidator : AbstractValidator<AssignActionItem>
{
    public AssignActionItemValidator()
    {
        RuleFor(a => a.Title).RequiredText(200);
        RuleFor(a => a.Owner).RequiredText(200);
        RuleFor(a => a.DueDate).PlausibleDate();
        RuleFor(a => a.RequestId).OptionalGuid();
    }
}

/// <summary>
/// Action items come out of a meeting, carry over on every agenda of the series until done, and are completed by
/// their owner, a lead or an admin. Assigning and completing are published for the metrics.
/// </summary>
public sealed class ActionItemsHandler(MeetingsDbContext db, IValidator<AssignActionItem> validator, TimeProvider clock)
{
    public const int ListMax = 200;

    public async Task<ActionItem> AssignAsync(AssignActionItem command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        var meeting = await db.MeetingAsync(command.MeetingId, ct);
        Organizers.Require(command.Actor);
        if (await db.CreatedEarlierAsync<ActionItem>(command.IdempotencyKey, command.Actor.Id, ct) is { } earlier)
        {
            return earlier;
        }

        var due = command.DueDate!.Value;
        if (due < meeting.Date)
        {
            throw new UnprocessableException($"The due date {due:yyyy-MM-dd} is before the meeting of {meeting.Date:yyyy-MM-dd}.",
                $$"""{"code":"DUE_BEFORE_MEETING","meetingDate":"{{meeting.Date:yyyy-MM-dd}}"}""");
        }

        var now = clock.GetStoredUtcNow();
        var item = ActionItem.Assign(meeting, command.Title.Trim(), command.Owner.Trim(), due, command.RequestId.ToGuid(), command.Actor.Id, now);
        db.ActionItems.Add(item);
        db.Publish(new ActionItemAssigned(Guid.CreateVersion7(now), now, item.Id, meeting.Id, meeting.SeriesId, item.Title, item.Owner,
            item.DueDate, item.RequestId));
        db.RememberCreated<ActionItem>(command.IdempotencyKey, command.Actor.Id, item.Id, now);
        return await db.SaveChangesOrEarlierAsync<ActionItem>(command.IdempotencyKey, command.Actor.Id, ct) ?? item;
    }

    public async Task<ActionItem> CompleteAsync(CompleteActionItem command, CancellationToken ct)
    {
        var item = (Guid.TryParse(command.ActionItemId, out var id) ? await db.ActionItems.SingleOrDefaultAsync(a => a.Id == id, ct) : null)
            ?? throw new NotFoundException("Action item", command.ActionItemId);
        var actor = command.Actor;
        if (!actor.IsLeadOrAdmin && !string.Equals(actor.Name, item.Owner, StringComparison.OrdinalIgnoreCase) && actor.Id != item.Owner)
        {
            throw new ForbiddenException("Only the owner, a lead or an admin completes an action item.");
        }

        if (item.Status == ActionItemStatus.Done)
        {
            throw new ConflictException("The action item is already done.");
        }

        var now = clock.GetStoredUtcNow();
        item.Complete(actor.Id, actor.Name, now);
        db.Publish(new ActionItemCompleted(Guid.CreateVersion7(now), now, item.Id, item.MeetingId, item.SeriesId, item.Owner, item.DueDate,
            item.AssignedAt, actor.Id, actor.Name));
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<IReadOnlyList<ActionItem>> ListAsync(ListActionItems query, CancellationToken ct)
    {
        var items = db.ActionItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            items = items.Where(a => a.Owner == query.Owner.Trim());
        }

        if (query.SeriesId.ToGuid() is { } seriesId)
        {
            items = items.Where(a => a.SeriesId == seriesId);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        items = query.Status switch
        {
            null or "" => items,
            "open" => items.Where(a => a.Status == ActionItemStatus.Open),
            "overdue" => items.Where(a => a.Status == ActionItemStatus.Open && a.DueDate < today),
            "done" => items.Where(a => a.Status == ActionItemStatus.Done),
            _ => throw new InvalidInputException("#/status", "Status must be one of: open, overdue, done."),
        };
        return await items.OrderBy(a => a.DueDate).ThenBy(a => a.AssignedAt).Take(ListMax).ToListAsync(ct);
    }
}
