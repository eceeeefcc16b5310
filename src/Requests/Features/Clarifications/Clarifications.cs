using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Clarifications;

/// <summary>IdempotencyKey (from the Gateway) makes a retry return the first question.</summary>
public sealed record AskClarification(string RequestId, string Question, Actor Actor, string? IdempotencyKey = null);

public sealed record AnswerClarification(string RequestId, string ClarificationId, string Answer, Actor Actor);

/// <summary>Developers ask, the requester (or a lead, an admin) answers; each question is a clarification round the metrics count.</summary>
public sealed class ClarificationsHandler(RequestsDbContext db, TimeProvider clock)
{
    public async Task<Clarification> AskAsync(AskClarification command, CancellationToken ct)
    {
        Text.Require(command.Question, "#/question", "A question is required.");
        if (await db.CreatedEarlierAsync<Clarification>(command.IdempotencyKey, command.Actor.Id, ct) is { } earlier)
        {
            return earlier;
        }

        var request = await db.LoadForChangeAsync(command.RequestId, 0, ct);
        if (!Domain.Workflow.MayEstimate(command.Actor))
        {
            throw new ForbiddenException("Developers, leads and admins ask clarifying questions.");
        }

        if (request.IsClosed)
        {
            throw new ConflictException($"The request is {WireName.ToWire(request.Status)}; it takes no more questions.");
        }

        var now = clock.GetStoredUtcNow();
        var clarification = Clarification.Ask(request.Id, command.Question, command.Actor.Name, now);
        db.Clarifications.Add(clarification);
        db.Publish(new ClarificationRequested(Guid.CreateVersion7(now), now, request.Id, clarification.Id, request.Key, command.Actor.Name));
        db.RememberCreated<Clarification>(command.IdempotencyKey, command.Actor.Id, clarification.Id, now);
        return await db.SaveChangesOrEarlierAsync<Clarification>(command.IdempotencyKey, command.Actor.Id, ct) ?? clarification;
    }

    public async Task<Clarification> AnswerAsync(AnswerClarification command, CancellationToken ct)
    {
        Text.Require(command.Answer, "#/answer", "An answer is required.");
        var request = await db.LoadForChangeAsync(command.RequestId, 0, ct);
        var clarification = Guid.TryParse(command.ClarificationId, out var id)
            ? await db.Clarifications.SingleOrDefaultAsync(c => c.Id == id && c.RequestId == request.Id, ct)
            : null;
        if (clarification is null)
        {
            throw new NotFoundException("Clarification", command.ClarificationId);
        }

        if (!command.Actor.IsLeadOrAdmin && !(command.Actor.Role == Role.Marketing && command.Actor.Id == request.RequesterId))
        {
            throw new ForbiddenException("The requester, a lead or an admin answers clarifying questions.");
        }

        if (!clarification.IsOpen)
        {
            throw new ConflictException("This question has already been answered.");
        }

        var now = clock.GetStoredUtcNow();
        clarification.Answered(command.Answer, command.Actor.Name, now);
        db.Publish(new ClarificationAnswered(Guid.CreateVersion7(now), now, request.Id, clarification.Id, request.Key, command.Actor.Name, clarification.AskedAt));
        await db.SaveChangesAsync(ct);
        return clarification;
    }

    public async Task<IReadOnlyList<Clarification>> ListAsync(string requestId, CancellationToken ct)
    {
        if (!Guid.TryParse(requestId, out var id) || !await db.Requests.AnyAsync(r => r.Id == id, ct))
        {
            throw new NotFoundException("Request", requestId);
        }

        return await db.Clarifications.AsNoTracking().Where(c => c.RequestId == id).OrderBy(c => c.AskedAt).ToListAsync(ct);
    }
}

internal static class Text
{
    public const int Max = 4000;

    public static void Require(string? text, string pointer, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidInputException(pointer, message);
        }

        if (text.Length > Max)
        {
            throw new InvalidInputException(pointer, $"At most {Max} characters.");
        }
    }
}
