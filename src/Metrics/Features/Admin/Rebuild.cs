using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.Metrics.Projections;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Features.Admin;

public sealed record RebuildResult(long Events, long Streams);

/// <summary>
/// Truncates every projection and refolds it from the stored events in order (occurred-at, then arrival), in one
/// transaction: readers see the old rows until it commits. Consumers that write meanwhile wait on the truncate's lock
/// and then fold their stream again, so nothing is lost. Admins only.
/// </summary>
public sealed class RebuildHandler(MetricsDbContext db)
{
    public async Task<RebuildResult> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Role != Role.Admin)
        {
            throw new ForbiddenException("Only admins rebuild the metrics.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
#pragma warning disable EF1003 // The table names are constants of the model, not input.
        await db.Database.ExecuteSqlRawAsync("TRUNCATE " + string.Join(", ", MetricsDbContext.ProjectionTables), ct);
#pragma warning restore EF1003
        var events = await db.StoredEvents.AsNoTracking().OrderBy(s => s.OccurredAt).ThenBy(s => s.Sequence)
            .Select(s => new { s.Type, s.StreamKind, s.StreamId, s.Body })
            .ToListAsync(ct);
        var streams = events.GroupBy(s => (s.StreamKind, s.StreamId)).ToList();
        foreach (var stream in streams)
        {
            db.Add(Folds.Fold(Enum.Parse<StreamKind>(stream.Key.StreamKind), stream.Key.StreamId,
                stream.Select(s => EventCatalog.Deserialize(s.Type, s.Body)).ToList()));
        }

        await MetricInputsLoader.RecordChangeAsync(db, InputsChange.All, Guid.Empty, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new RebuildResult(events.Count, streams.Count);
    }
}
