using FluentValidation;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;

namespace MarketingDev.Requests.Features.Roadblocks;

/// <summary>IdempotencyKey (from the Gateway) makes a retry return the first roadblock.</summary>
public sealed record RaiseRoadblock(string RequestId, string Description, RoadblockSeverity Severity, Actor Actor, string? IdempotencyKey = null);

public sealed class RaiseRoadblockValidator : AbstractValidator<RaiseRoadblock>
{
    public RaiseRoadblockValidator()
    {
        RuleFor(c => c.Description).RequiredText("Describe the roadblock.");
        RuleFor(c => c.Severity).Known("Severity");
    }
}

/// <summary>Developers flag technical roadblocks; the sync agenda reviews the open ones until they are resolved.</summary>
public sealed class RaiseRoadblockHandler(RequestsDbContext db, IValidator<RaiseRoadblock> validator, TimeProvider clock)
{
    public async Task<Roadblock> HandleAsync(RaiseRoadblock command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        if (await db.CreatedEarlierAsync<Roadblock>(command.IdempotencyKey, command.Actor.Id, ct) is { } earlier)
        {
            return earlier;
        }

        var request = await db.LoadForChangeAsync(command.RequestId, 0, ct);
        if (!Domain.Workflow.MayEstimate(command.Actor))
        {
            throw new ForbiddenException("Developers, leads and admins raise roadblocks.");
        }

        if (request.IsClosed)
        {
            throw new ConflictException($"The request is {WireName.ToWire(request.Status)}; it takes no more roadblocks.");
        }

        var now = clock.GetStoredUtcNow();
        var roadblock = Roadblock.Raise(request, command.Description, command.Severity, command.Actor.Name, now);
        db.Roadblocks.Add(roadblock);
        db.Publish(new RoadblockRaised(Guid.CreateVersion7(now), now, roadblock.Id, request.Id, request.Key, request.Title,
            roadblock.Description, WireName.ToWire(command.Severity), command.Actor.Name));
        db.RememberCreated<Roadblock>(command.IdempotencyKey, command.Actor.Id, roadblock.Id, now);
        return await db.SaveChangesOrEarlierAsync<Roadblock>(command.IdempotencyKey, command.Actor.Id, ct) ?? roadblock;
    }
}
