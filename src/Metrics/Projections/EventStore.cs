using System.Diagnostics.Metrics;
using MarketingDev.Contracts.Events;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Features;
using MarketingDev.Metrics.Observability;
using MarketingDev.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Projections;

/// <summary>
/// Stores each consumed event once (unique on EventId, whatever its message id) and refolds the row of its stream in
/// the same transaction: the inbox filter's, so the event, the row and the inbox entry commit together.
/// </summary>
public sealed partial class EventStore(MetricsDbContext db, TimeProvider clock, HeadlineMetrics headline, ILogger<EventStore> logger)
{
    public async Task<bool> AppendAsync(IIntegrationEvent e, CancellationToken ct) => await AppendStreamAsync([e], ct) > 0;

    /// <summary>
    /// Stores events of one stream (each once) and refolds the stream once if any was new; the caller's transaction
    /// (the inbox's, or the demo seed's) makes it atomic. Returns how many were new.
    /// </summary>
    public async Task<int> AppendStreamAsync(IReadOnlyList<IIntegrationEvent> events, CancellationToken ct)
    {
        var (kind, streamId) = EventCatalog.StreamOf(events[0]);
        // Two events of one stream (a request's submission and its clarification) can arrive at once on different
        // queues: serialising them per stream means the second fold sees the first event.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(streamId)})", ct);
        var storedAt = clock.GetStoredUtcNow();
        var stored = new List<string>();
        foreach (var e in events)
        {
            if (EventCatalog.StreamOf(e) != (kind, streamId))
            {
                throw new ArgumentException("All events must belong to one stream.", nameof(events));
            }

            var type = EventCatalog.TypeName(e);
            var inserted = await db.Database.ExecuteSqlAsync(
                $"""
                 INSERT INTO stored_events (event_id, type, stream_kind, stream_id, occurred_at, stored_at, body)
                 VALUES ({e.EventId}, {type}, {kind.ToString()}, {streamId}, {e.OccurredAt.ToUniversalTime()}, {storedAt}, CAST({EventCatalog.Serialize(e)} AS jsonb))
                 ON CONFLICT (event_id) DO NOTHING
                 """, ct);
            if (inserted == 0)
            {
                LogDuplicate(logger, type, e.EventId);
            }
            else
            {
                stored.Add(type);
            }
        }

        if (stored.Count == 0)
        {
            return 0;
        }

        await ProjectAsync(kind, streamId, ct);
        await MetricInputsLoader.RecordChangeAsync(db, kind.ToString(), streamId, ct);
        await db.SaveChangesAsync(ct);
        stored.ForEach(headline.EventStored);
        return stored.Count;
    }

    /// <summary>Replaces the stream's row with the fold of all its stored events.</summary>
    private async Task ProjectAsync(StreamKind kind, Guid streamId, CancellationToken ct)
    {
        var events = await db.StoredEvents.AsNoTracking()
            .Where(s => s.StreamId == streamId && s.StreamKind == kind.ToString())
            .OrderBy(s => s.OccurredAt).ThenBy(s => s.Sequence)
            .Select(s => new { s.Type, s.Body })
            .ToListAsync(ct);
        var row = Folds.Fold(kind, streamId, events.Select(s => EventCatalog.Deserialize(s.Type, s.Body)).ToList());
        await DeleteRowAsync(kind, streamId, ct);
        db.Add(row);
    }

    private Task<int> DeleteRowAsync(StreamKind kind, Guid id, CancellationToken ct) => kind switch
    {
        StreamKind.Request => db.Requests.Where(r => r.RequestId == id).ExecuteDeleteAsync(ct),
        StreamKind.Bug => db.Bugs.Where(r => r.BugId == id).ExecuteDeleteAsync(ct),
        StreamKind.Roadblock => db.Roadblocks.Where(r => r.RoadblockId == id).ExecuteDeleteAsync(ct),
        StreamKind.Meeting => db.Meetings.Where(r => r.MeetingId == id).ExecuteDeleteAsync(ct),
        StreamKind.ActionItem => db.ActionItems.Where(r => r.ActionItemId == id).ExecuteDeleteAsync(ct),
        StreamKind.Session => db.Sessions.Where(r => r.SessionId == id).ExecuteDeleteAsync(ct),
        StreamKind.SearchCount => db.SearchCounts.Where(r => r.EventId == id).ExecuteDeleteAsync(ct),
        StreamKind.Gap => db.Gaps.Where(r => r.GapId == id).ExecuteDeleteAsync(ct),
        StreamKind.Question => db.Questions.Where(r => r.QuestionId == id).ExecuteDeleteAsync(ct),
        StreamKind.Article => db.Articles.Where(r => r.ArticleId == id).ExecuteDeleteAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static long LockKey(Guid id) => BitConverter.ToInt64(id.ToByteArray(), 0);

    [LoggerMessage(LogLevel.Information, "Skipping {EventType} {EventId}: already stored")]
    private static partial void LogDuplicate(ILogger logger, string eventType, Guid eventId);
}
