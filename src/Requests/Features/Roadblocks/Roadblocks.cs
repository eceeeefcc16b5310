using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Clarifications;
using MarketingDev.Requests.Features.Queries;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Roadblocks;

/// <summary>IdempotencyKey (from the Gateway) makes a retry return the first roadblock.</summary>
public sealed record RaiseRoadblock(string RequestId, string Description, RoadblockSeverity Severity, Actor Actor, string? IdempotencyKey = null);

public sealed record ResolveRoadblock(string RoadblockId, string Resolution, Actor Actor);

/// <summary>Status null: any.</summary>
public sealed record ListRoadblocks(RoadblockStatus? Status, int? Limit, string? Cursor);

/// <summary>Developers flag technical roadblocks; the sync agenda reviews the open ones until they are resolved.</summary>
public sealed class RoadblocksHandler(RequestsDbContext db, TimeProvider clock)
{
    public async Task<Roadblock> RaiseAsync(RaiseRoadblock command, CancellationToken ct)
    {
        Text.Require(command.Description, "#/description", "Describe the roadblock.");
        var severity = command.Severity;
        if (!Enum.IsDefined(severity))
        {
            throw new InvalidInputException("#/severity", $"Severity must be one of: {WireName.Names<RoadblockSeverity>()}.");
        }

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
        var roadblock = Roadblock.Raise(request, command.Description, severity, command.Actor.Name, now);
        db.Roadblocks.Add(roadblock);
        db.Publish(new RoadblockRaised(Guid.CreateVersion7(now), now, roadblock.Id, request.Id, request.Key, request.Title,
            roadblock.Description, WireName.ToWire(severity), command.Actor.Name));
        db.RememberCreated<Roadblock>(command.IdempotencyKey, command.Actor.Id, roadblock.Id, now);
        return await db.SaveChangesOrEarlierAsync<Roadblock>(command.IdempotencyKey, command.Actor.Id, ct) ?? roadblock;
    }

    public async Task<Roadblock> ResolveAsync(ResolveRoadblock command, CancellationToken ct)
    {
        Text.Require(command.Resolution, "#/resolution", "Say how the roadblock was resolved.");
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

    /// <summary>Newest first, keyset-paginated like the request list.</summary>
    public async Task<(IReadOnlyList<Roadblock> Items, string? NextCursor)> ListAsync(ListRoadblocks query, CancellationToken ct)
    {
        var limit = Paging.Limit(query.Limit);
        IQueryable<Roadblock> roadblocks = db.Roadblocks.AsNoTracking();
        if (query.Status is { } status)
        {
            roadblocks = Enum.IsDefined(status)
                ? roadblocks.Where(r => r.Status == status)
                : throw new InvalidInputException("#/status", $"Status must be one of: {WireName.Names<RoadblockStatus>()}.");
        }

        if (!string.IsNullOrEmpty(query.Cursor))
        {
            var after = Cursor.Decode(query.Cursor);
            roadblocks = roadblocks.Where(r => r.Seq < after);
        }

        var items = await roadblocks.OrderByDescending(r => r.Seq).Take(limit + 1).ToListAsync(ct);
        return Paging.Page(items, limit, r => r.Seq);
    }
}
