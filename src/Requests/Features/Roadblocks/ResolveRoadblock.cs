using FluentValidation;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Roadblocks;

public sealed record ResolveRoadblock(string RoadblockId, string Resolution, Actor Actor);

public sealed class ResolveRoadblockValidator : AbstractValidator<ResolveRoadblock>
{
    public ResolveRoadblockValidator() => RuleFor(c => c.Resolution).RequiredText("Say how the roadblock was resolved.");
}

/// <summary>Developers, leads and admins resolve an open roadblock, once.</summary>
public sealed class ResolveRoadblockHandler(RequestsDbContext db, IValidator<ResolveRoadblock> validator, TimeProvider clock)
{
    public async Task<Roadblock> HandleAsync(ResolveRoadblock command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        var roadblock = Guid.TryParse(command.RoadblockId, out var id) ? await db.Roadblocks.SingleOrDefaultAsync(r => r.Id == id, ct) : null;
        if (roadblock is null)
        {
            throw new NotFoundException("Roadblock", command.RoadblockId);
        }

        if (!Domain.Workflow.MayEstimate(command.Actor))
        {
            throw new ForbiddenException("Developers, leads and admins resolve roadblocks.");
        }

        if (roadblock.Status == RoadblockStatus.Resolved)
        {
            throw new ConflictException("This roadblock is already resolved.");
        }

        var now = clock.GetStoredUtcNow();
        roadblock.Resolve(command.Resolution, command.Actor.Name, now);
        db.Publish(new RoadblockResolved(Guid.CreateVersion7(now), now, roadblock.Id, roadblock.RequestId, roadblock.RequestKey,
            roadblock.Resolution!, command.Actor.Name, roadblock.RaisedAt));
        await db.SaveChangesAsync(ct);
        return roadblock;
    }
}
