using MarketingDev.Contracts.Events.Requests;
using FluentValidation;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Requests.Features.Editing;

public sealed record UpdateRequest(string Id, RequestContent Content, Actor Actor, int ExpectedVersion);

/// <summary>Replaces a request's content. Marketing edits its own drafts; leads and admins edit anything still open.</summary>
public sealed class UpdateRequestHandler(RequestsDbContext db, IValidator<RequestContent> validator, TimeProvider clock)
{
    public async Task<Request> HandleAsync(UpdateRequest command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command.Content, ct);
        var request = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, ct);
        var actor = command.Actor;
        if (actor.Role == Role.Developer || (actor.Role == Role.Marketing && actor.Id != request.RequesterId))
        {
            throw new ForbiddenException("Only the requester, a lead or an admin may edit a request.");
        }

        if (!Domain.Workflow.MayEdit(request.Status, actor, request.RequesterId))
        {
            throw new ConflictException($"A request that is {WireName.ToWire(request.Status)} cannot be edited by its requester; ask a lead, or have it returned to draft.");
        }

        var now = clock.GetStoredUtcNow();
        request.Edit(command.Content.WithDefaults(), now);
        db.RequestChanges.Add(RequestChange.Of(request, actor, "edited", now));
        // Read models (the sync agenda, metrics by team) follow edits: a launch date added after drafting must reach them.
        db.Publish(new RequestEdited(Guid.CreateVersion7(now), now, request.Id, request.Key, request.Title, WireName.ToWire(request.Type),
            WireName.ToWire(request.Priority), request.LaunchDate, request.Team, WireName.ToWire(request.Status), request.Version, actor.Id));
        await db.SaveChangesAsync(ct);
        return request;
    }
}
