using FluentValidation;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Requests.Features.Editing;

public sealed record UpdateRequest(string Id, RequestInput Input, Actor Actor, int ExpectedVersion);

/// <summary>Replaces a request's content. Marketing edits its own drafts; leads and admins edit anything still open.</summary>
public sealed class UpdateRequestHandler(RequestsDbContext db, IValidator<RequestInput> validator, TimeProvider clock)
{
    public async Task<Request> HandleAsync(UpdateRequest command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command.Input, ct);
        var request = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, ct);
        var actor = command.Actor;
        if (actor.Role == ActorRole.Developer || (actor.Role == ActorRole.Marketing && actor.Name != request.Requester))
        {
            throw new ForbiddenException("Only the requester, a lead or an admin may edit a request.");
        }

        if (!Domain.Workflow.MayEdit(request.Status, actor, request.Requester))
        {
            throw new ConflictException($"A request that is {WireName.ToWire(request.Status)} cannot be edited by its requester; ask a lead, or have it returned to draft.");
        }

        var now = clock.GetStoredUtcNow();
        request.Edit(command.Input.ToContent(), now);
        db.RequestChanges.Add(RequestChange.Of(request, actor.Name, "edited", now));
        await db.SaveChangesAsync(ct);
        return request;
    }
}
