using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MarketingDev.ServiceDefaults.Idempotency;

/// <summary>
/// End-to-end idempotency for a creating handler whose entity has a single Guid key:
/// <code>
/// if (await db.CreatedEarlierAsync&lt;Bug&gt;(key, actor.Id, ct) is { } earlier) return earlier;
/// … stage the new bug and its events …
/// db.RememberCreated&lt;Bug&gt;(key, actor.Id, bug.Id, now);
/// return await db.SaveChangesOrEarlierAsync&lt;Bug&gt;(key, actor.Id, ct) ?? bug;
/// </code>
/// With no key (a call without Idempotency-Key) every step is a plain create.
/// </summary>
public static class IdempotentCreation
{
    /// <summary>
    /// What the first call with this key created, or null when there was none; 409 when it has been deleted since
    /// (the retry must not silently create it again).
    /// </summary>
    public static async Task<TEntity?> CreatedEarlierAsync<TEntity>(this ServiceDbContext db, string? key, string actorId, CancellationToken ct)
        where TEntity : class
    {
        if (key is null)
        {
            return null;
        }

        var resource = ResourceName<TEntity>();
        var ids = await db.IdempotencyKeys.AsNoTracking()
            .Where(k => k.Key == key && k.ActorId == actorId && k.Resource == resource)
            .Select(k => k.ResourceId)
            .ToListAsync(ct);
        if (ids.Count == 0)
        {
            return null;
        }

        return await db.Set<TEntity>().FindAsync([ids[0]], ct)
               ?? throw new ConflictException("What the first request with this Idempotency-Key created no longer exists; use a new key to create it again.");
    }

    /// <summary>Stages the key with the pending changes, so it commits (or not) with what it created.</summary>
    public static void RememberCreated<TEntity>(this ServiceDbContext db, string? key, string actorId, Guid resourceId, DateTimeOffset now)
        where TEntity : class
    {
        if (key is not null)
        {
            db.IdempotencyKeys.Add(IdempotencyKey.For(key, actorId, ResourceName<TEntity>(), resourceId, now));
        }
    }

    /// <summary>
    /// Saves the staged changes and returns null; when the same key was committed meanwhile by a concurrent retry,
    /// stores nothing and returns what that call created.
    /// </summary>
    public static async Task<TEntity?> SaveChangesOrEarlierAsync<TEntity>(this ServiceDbContext db, string? key, string actorId, CancellationToken ct)
        where TEntity : class
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (key is not null && IsKeyTaken(ex))
        {
            db.ChangeTracker.Clear();
            return await db.CreatedEarlierAsync<TEntity>(key, actorId, ct)
                   ?? throw new ConflictException("This Idempotency-Key was used for another kind of request.");
        }
    }

    /// <summary>True when a save failed because this idempotency key is already stored.</summary>
    public static bool IsKeyTaken(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: IdempotencyKeyConfiguration.PrimaryKeyName };

    private static string ResourceName<TEntity>() => typeof(TEntity).Name;
}
