using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using Npgsql;
using NpgsqlTypes;

namespace MarketingDev.KnowledgeBase.Features.Search;

/// <summary>
/// Misses of a gap this instance recently recorded are counted in memory, not written one by one: the first miss of a
/// normalised query upserts its gap (and after that at most once per KnowledgeBase:SearchCacheSeconds, which also
/// notices a gap closed elsewhere); the misses in between add to the gap's count here and are written in one statement
/// per KnowledgeBase:GapFlushInterval (<see cref="GapTallyFlusher"/>), before any read or close of gaps on this instance,
/// and on shutdown. A crash loses at most the misses of the last interval (their searches are still counted).
/// </summary>
public sealed class GapTally(TimeProvider clock)
{
    private const string AddSql = """
        UPDATE knowledge_gaps g SET occurrences = g.occurrences + p.n, last_seen_at = GREATEST(g.last_seen_at, p.t)
        FROM unnest(@ids, @counts, @times) AS p(id, n, t)
        WHERE g.id = p.id
        """;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (KnowledgeGap Gap, DateTimeOffset Until)> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, (int Count, DateTimeOffset LastSeenAt)> _pending = new();

    /// <summary>The gap with this miss counted, when this instance knows it is open; null: upsert it.</summary>
    public KnowledgeGap? TryCount(string normalized, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_open.TryGetValue(normalized, out var known) || clock.GetUtcNow() >= known.Until)
            {
                return null;
            }

            var counted = KnowledgeGap.Counted(known.Gap, known.Gap.Occurrences + 1, now);
            _open[normalized] = (counted, known.Until);
            var pending = _pending.GetValueOrDefault(counted.Id);
            _pending[counted.Id] = (pending.Count + 1, now);
            return counted;
        }
    }

    /// <summary>
    /// A gap just upserted: further misses of its query are counted here until <paramref name="lifetime"/> passes.
    /// Returns it with the misses counted here and not written yet.
    /// </summary>
    public KnowledgeGap Remember(KnowledgeGap gap, TimeSpan lifetime)
    {
        lock (_lock)
        {
            var counted = KnowledgeGap.Counted(gap, gap.Occurrences + _pending.GetValueOrDefault(gap.Id).Count, gap.LastSeenAt);
            _open[gap.NormalizedQuery] = (counted, clock.GetUtcNow() + lifetime);
            return counted;
        }
    }

    /// <summary>After articles or gaps changed here: a gap may have closed, so the next miss of each query upserts again.</summary>
    public void Forget()
    {
        lock (_lock)
        {
            _open.Clear();
        }
    }

    /// <summary>Writes the counted misses to their gaps (closed ones too: they were missed before closing).</summary>
    public async Task FlushAsync(KnowledgeDbContext db, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        List<(Guid Id, int Count, DateTimeOffset LastSeenAt)> batch;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending.Select(p => (p.Key, p.Value.Count, p.Value.LastSeenAt)).ToList();
            _pending.Clear();
        }

        try
        {
            await Sql.QueryAsync<int>(db, AddSql,
                [
                    new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = batch.Select(b => b.Id).ToArray() },
                    new NpgsqlParameter("counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = batch.Select(b => b.Count).ToArray() },
                    new NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = batch.Select(b => b.LastSeenAt).ToArray() },
                ],
                // Not cancellable once started: cancelled after PostgreSQL committed it, the batch would be restored
                // and written a second time (the shutdown flush follows the timer's). One short statement.
                _ => 0, CancellationToken.None);
        }
        catch
        {
            Restore(batch);
            throw;
        }
    }

    private void Restore(List<(Guid Id, int Count, DateTimeOffset LastSeenAt)> batch)
    {
        lock (_lock)
        {
            foreach (var (id, count, lastSeenAt) in batch)
            {
                var pending = _pending.GetValueOrDefault(id);
                _pending[id] = (pending.Count + count, pending.LastSeenAt > lastSeenAt ? pending.LastSeenAt : lastSeenAt);
            }
        }
    }
}
