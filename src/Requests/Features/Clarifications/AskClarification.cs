using FluentValidation;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;

namespace MarketingDev.Requests.Features.Clarifications;

/// <summary>IdempotencyKey (from the Gateway) makes a retry return the first question.</summary>
public sealed record AskClarification(string RequestId, string Question, Actor Actor, string? IdempotencyKey = null);

public sealed class AskClarificationValidator : AbstractValidator<AskClarification>
{
    public AskClarificationValidator() => RuleFor(c => c.Question).RequiredText("A question is required.");
}

/// <summary>Developers (and leads, admins) ask the requester; each question is a clarification round the metrics count.</summary>
public sealed class AskClarificationHandler(RequestsDbContext db, IValidator<AskClarification> validator, TimeProvider clock)
{
    public async Task<Clarification> HandleAsync(AskClarification command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
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
}
