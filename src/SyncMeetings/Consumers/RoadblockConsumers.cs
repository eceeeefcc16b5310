using MarketingDev.Contracts.Events.Requests;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Consumers;

/// <summary>Open roadblocks for the agenda's review; a raise or a resolution also counts as activity on the request.</summary>
public sealed class RoadblockRaisedConsumer(MeetingsDbContext db) : IConsumer<RoadblockRaised>
{
    public async Task Consume(ConsumeContext<RoadblockRaised> context)
    {
        var e = context.Message;
        var roadblock = await RoadblockRows.UpsertAsync(db, e.RoadblockId, e.RequestId, e.RequestKey, context.CancellationToken);
        roadblock.Raised(e.RequestTitle, e.Description, e.Severity, e.RaisedBy, e.OccurredAt);
        var request = await db.TrackedRequestAsync(e.RequestId, e.RequestKey, context.CancellationToken);
        request.KnownAs(e.RequestKey, e.RequestTitle);
        request.Touch(e.OccurredAt);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RoadblockResolvedConsumer(MeetingsDbContext db) : IConsumer<RoadblockResolved>
{
    public async Task Consume(ConsumeContext<RoadblockResolved> context)
    {
        var e = context.Message;
        var roadblock = await RoadblockRows.UpsertAsync(db, e.RoadblockId, e.RequestId, e.RequestKey, context.CancellationToken);
        roadblock.Resolved(e.RaisedAt, e.OccurredAt);
        (await db.TrackedRequestAsync(e.RequestId, e.RequestKey, context.CancellationToken)).Touch(e.OccurredAt);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

internal static class RoadblockRows
{
    public static async Task<TrackedRoadblock> UpsertAsync(MeetingsDbContext db, Guid roadblockId, Guid requestId, string requestKey, CancellationToken ct)
    {
        var roadblock = await db.Roadblocks.SingleOrDefaultAsync(r => r.RoadblockId == roadblockId, ct);
        if (roadblock is null)
        {
            roadblock = TrackedRoadblock.New(roadblockId, requestId, requestKey);
            db.Roadblocks.Add(roadblock);
        }

        return roadblock;
    }
}
