using FluentValidation;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Clarifications;

public sealed record AnswerClarification(string RequestId, string ClarificationId, string Answer, Actor Actor);

public sealed class AnswerClarificationValidator : AbstractValidator<AnswerClarification>
{
    public AnswerClarificationValidator() => RuleFor(c => c.Answer).RequiredText("An answer is required.");
}

/// <summary>The requester (or a lead, an admin) answers an open question, once.</summary>
public sealed class AnswerClarificationHandler(RequestsDbContext db, IValidator<AnswerClarification> validator, TimeProvider clock)
{
    public async Task<Clarification> HandleAsync(AnswerClarification command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
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
}
