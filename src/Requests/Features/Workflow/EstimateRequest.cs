using FluentValidation;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Requests.Features.Workflow;

public sealed record EstimateRequest(string Id, EstimateSize Size, double Days, bool? QuickWin, Actor Actor, int ExpectedVersion);

public sealed class EstimateRequestValidator : AbstractValidator<EstimateRequest>
{
    public EstimateRequestValidator()
    {
        RuleFor(c => c.Size).Known("Size");
        RuleFor(c => c.Days).Must(days => days is > 0 and <= 365).WithMessage("Days must be more than 0 and at most 365.");
    }
}

/// <summary>Developers (and leads, admins) size a request and may flag it as a quick win for the sync agenda.</summary>
public sealed class EstimateRequestHandler(RequestsDbContext db, IValidator<EstimateRequest> validator, TimeProvider clock)
{
    public async Task<Request> HandleAsync(EstimateRequest command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        var size = command.Size;
        var request = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, ct);
        if (!Domain.Workflow.MayEstimate(command.Actor))
        {
            throw new ForbiddenException("Only developers, leads and admins estimate requests.");
        }

        if (request.Status is RequestStatus.Delivered or RequestStatus.Rejected or RequestStatus.Withdrawn)
        {
            throw new ConflictException($"A request that is {WireName.ToWire(request.Status)} is no longer estimated.");
        }

        var now = clock.GetStoredUtcNow();
        request.SetEstimate(new Estimate(size, command.Days), command.QuickWin, now);
        db.RequestChanges.Add(RequestChange.Of(request, command.Actor, "estimated", now));
        db.Publish(new RequestEstimated(Guid.CreateVersion7(now), now, request.Id, request.Key, WireName.ToWire(size), command.Days,
            request.QuickWin, command.Actor.Id));
        await db.SaveChangesAsync(ct);
        return request;
    }
}
