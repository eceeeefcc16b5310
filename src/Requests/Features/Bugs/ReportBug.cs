using FluentValidation;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Bugs;

/// <summary>A bug report by the caller, optionally on a request; IdempotencyKey (from the Gateway) makes a retry return the first report.</summary>
public sealed record ReportBug(
    string RequestId,
    string Title,
    IReadOnlyList<string> StepsToReproduce,
    string Expected,
    string Actual,
    BugEnvironment Environment,
    BugSeverity Severity,
    IReadOnlyList<string> Evidence,
    Actor Actor,
    string? IdempotencyKey = null);

/// <summary>Shape rules, then (when given) that the request exists: every bad field in one answer, in the body's order.</summary>
public sealed class ReportBugValidator : AbstractValidator<ReportBug>
{
    public const int MaxSteps = 50;

    public ReportBugValidator(RequestsDbContext db)
    {
        RuleFor(b => b.Title).Must(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 200).WithMessage("A title of 1 to 200 characters is required.");
        RuleFor(b => b.Severity).Known("Severity");
        RuleFor(b => b.StepsToReproduce).Must(steps => steps.Count <= MaxSteps && steps.All(s => s.Length <= TextRules.Max))
            .WithMessage($"At most {MaxSteps} steps of at most {TextRules.Max} characters.");
        RuleFor(b => b.Expected).MaximumLength(TextRules.Max).WithMessage($"At most {TextRules.Max} characters.");
        RuleFor(b => b.Actual).MaximumLength(TextRules.Max).WithMessage($"At most {TextRules.Max} characters.");
        RuleFor(b => b.Environment.Url).Must(url => url.Length == 0 || RequestContentValidator.IsHttpUrl(url))
            .WithMessage("The page URL must be an absolute http(s) URL.");
        RuleFor(b => b.Evidence.Count).LessThanOrEqualTo(MaxSteps).OverridePropertyName(nameof(ReportBug.Evidence));
        RuleForEach(b => b.Evidence).Must(RequestContentValidator.IsHttpUrl).WithMessage("Evidence must be an absolute http(s) URL.");
        RuleFor(b => b.RequestId)
            .MustAsync(async (id, ct) => Guid.TryParse(id, out var requestId) && await db.Requests.AnyAsync(r => r.Id == requestId, ct))
            .When(b => !string.IsNullOrEmpty(b.RequestId))
            .WithMessage("No request has this id.");
    }
}

public sealed class ReportBugHandler(RequestsDbContext db, IValidator<ReportBug> validator, TimeProvider clock)
{
    public async Task<Bug> HandleAsync(ReportBug command, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(command, ct);
        if (await db.CreatedEarlierAsync<Bug>(command.IdempotencyKey, command.Actor.Id, ct) is { } earlier)
        {
            return earlier;
        }

        // The validator found it; requests are never deleted.
        var requestId = string.IsNullOrEmpty(command.RequestId) ? (Guid?)null : Guid.Parse(command.RequestId);
        var request = requestId is { } id ? await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id, ct) : null;
        var now = clock.GetStoredUtcNow();
        var bug = Bug.Report(await db.NextBugNumberAsync(ct), request?.Id, command.Title, command.StepsToReproduce, command.Expected, command.Actual,
            command.Environment, command.Severity, command.Evidence, command.Actor, now);
        db.Bugs.Add(bug);
        db.Publish(new BugReported(Guid.CreateVersion7(now), now, bug.Id, bug.Key, request?.Id, request?.Key, request?.DeliveredAt,
            WireName.ToWire(command.Severity), command.Actor.Name));
        db.RememberCreated<Bug>(command.IdempotencyKey, command.Actor.Id, bug.Id, now);
        return await db.SaveChangesOrEarlierAsync<Bug>(command.IdempotencyKey, command.Actor.Id, ct) ?? bug;
    }
}
