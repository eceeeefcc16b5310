using FluentValidation;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Requests.Features.Drafting;

public sealed record DraftRequest(RequestInput Input, Actor Requester);

/// <summary>Stores a new draft and its RequestDrafted event in one transaction.</summary>
public sealed class DraftRequestHandler(RequestsDbContext db, IValidator<RequestInput> validator, TimeProvider clock)
{
    public async Task<Request> HandleAsync(DraftRequest command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command.Input, ct);
        var now = clock.GetStoredUtcNow();
        var request = Request.Draft(command.Input.ToContent(), command.Requester, now);
        db.Requests.Add(request);
        // The number (and so the key) comes from the database sequence; fetch it before the event needs it.
        request.AssignNumber(await db.NextRequestNumberAsync(ct));
        db.RequestChanges.Add(RequestChange.Of(request, command.Requester, "drafted", now, to: RequestStatus.Draft));
        db.Publish(new RequestDrafted(
            Guid.CreateVersion7(now), now, request.Id, request.Key, request.Title,
            WireName.ToWire(request.Type), WireName.ToWire(request.Priority), request.LaunchDate, request.Requester, request.Team));
        await db.SaveChangesAsync(ct);
        return request;
    }
}
