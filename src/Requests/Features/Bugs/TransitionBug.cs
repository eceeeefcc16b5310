using FluentValidation;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Bugs;

public sealed record TransitionBug(string Id, BugStatus To, string? Reason, Actor Actor, int ExpectedVersion);

public sealed class TransitionBugValidator : AbstractValidator<TransitionBug>
{
    public TransitionBugValidator()
    {
        RuleFor(c => c.To).Known("Status");
        RuleFor(c => c.Reason).MaximumLength(TextRules.ReasonMax).WithMessage($"At most {TextRules.ReasonMax} characters.");
    }
}

/// <summary>Moves a bug through its lifecycle (<see cref="BugLifecycle"/>): 409 listing the allowed moves, 403 for a move the role may not make.</summary>
public sealed class TransitionBugHandler(RequestsDbContext db, IValidator<TransitionBug> validator, TimeProvider clock)
{
    public async Task<Bug> HandleAsync(TransitionBug command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        var bug = (Guid.TryParse(command.Id, out var id) ? await db.Bugs.SingleOrDefaultAsync(b => b.Id == id, ct) : null)
            ?? throw new NotFoundException("Bug", command.Id);
        if (command.ExpectedVersion != 0 && command.ExpectedVersion != bug.Version)
        {
            throw new StaleVersionException(command.ExpectedVersion, bug.Version);
        }

        var move = BugLifecycle.Find(bug.Status, command.To)
            ?? throw new ConflictException($"A {WireName.ToWire(bug.Status)} bug cannot become {WireName.ToWire(command.To)}.",
                BugLifecycle.AllowedFrom(bug.Status).Select(WireName.ToWire).ToList());
        if (!BugLifecycle.MayMake(move, command.Actor, bug.ReportedById))
        {
            throw new ForbiddenException($"A {WireName.ToWire(command.Actor.Role)} may not move a bug from {WireName.ToWire(move.From)} to {WireName.ToWire(move.To)}.");
        }

        // Depends on the move, so it is decided here rather than in the validator.
        if (move.ReasonRequired && string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new InvalidInputException("#/reason", "Say why.");
        }

        bug.MoveTo(command.To, clock.GetStoredUtcNow());
        await db.SaveChangesAsync(ct);
        return bug;
    }
}
