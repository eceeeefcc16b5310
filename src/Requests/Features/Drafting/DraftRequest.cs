using FluentValidation;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Data.Configurations;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MarketingDev.Requests.Features.Drafting;

/// <summary>A new draft by the caller; IdempotencyKey (from the Gateway) makes a retry return the first draft.</summary>
public sealed record DraftRequest(RequestContent Content, Actor Requester, string? IdempotencyKey = null);

/// <summary>Stores a new draft and its RequestDrafted event in one transaction.</summary>
public sealed class DraftRequestHandler(RequestsDbContext db, IValidator<RequestContent> validator, TimeProvider clock)
{
    public async Task<Request> HandleAsync(DraftRequest command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command.Content, ct);
        if (command.IdempotencyKey is { } key && await FindAsync(key, ct) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetStoredUtcNow();
        var request = Request.Draft(command.Content.WithDefaults(), command.Requester, now, command.IdempotencyKey);
        db.Requests.Add(request);
        // The number (and so the key) comes from the database sequence; fetch it before the event needs it.
        request.AssignNumber(await db.NextRequestNumberAsync(ct));
        db.RequestChanges.Add(RequestChange.Of(request, command.Requester, "drafted", now, to: RequestStatus.Draft));
        db.Publish(new RequestDrafted(
            Guid.CreateVersion7(now), now, request.Id, request.Key, request.Title,
            WireName.ToWire(request.Type), WireName.ToWire(request.Priority), request.LaunchDate, request.Requester, request.Team));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (command.IdempotencyKey is { } raced
            && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: RequestConfiguration.IdempotencyKeyIndex })
        {
            // The same retry arrived twice at once; the other one stored the draft.
            db.ChangeTracker.Clear();
            return await FindAsync(raced, ct) ?? throw new InvalidOperationException("The idempotent draft vanished.", ex);
        }

        return request;
    }

    private Task<Request?> FindAsync(string key, CancellationToken ct) =>
        db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == key, ct);
}
