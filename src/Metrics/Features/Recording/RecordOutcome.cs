using FluentValidation;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Features.Reading;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.Metrics.Features.Recording;

/// <summary>MeasuredAt is null when absent or not a real date (the proto mapping cannot tell a caller which).</summary>
public sealed record RecordOutcome(string RequestId, string Kpi, double Baseline, double Target, double Actual, DateOnly? MeasuredAt, Actor Actor,
    string? IdempotencyKey = null);

public sealed class RecordOutcomeValidator : AbstractValidator<RecordOutcome>
{
    public RecordOutcomeValidator()
    {
        RuleFor(c => c.RequestId).Must(id => Guid.TryParse(id, out _)).WithMessage("RequestId must be a request's id (a UUID).");
        RuleFor(c => c.Kpi).NotEmpty().FilterText(200);
        RuleFor(c => c.Baseline).Must(double.IsFinite).WithMessage("Must be a finite number.");
        RuleFor(c => c.Target).Must(double.IsFinite).WithMessage("Must be a finite number.");
        RuleFor(c => c.Actual).Must(double.IsFinite).WithMessage("Must be a finite number.");
        RuleFor(c => c.MeasuredAt).NotNull().WithMessage("MeasuredAt must be a real date (yyyy-MM-dd).");
    }
}

/// <summary>A measured business KPI of an initiative (marketing, leads and admins record them).</summary>
public sealed class RecordOutcomeHandler(MetricsDbContext db, TimeProvider clock, RecordOutcomeValidator validator)
{
    public async Task<Outcome> HandleAsync(RecordOutcome command, CancellationToken ct)
    {
        if (command.Actor.Role == Role.Developer)
        {
            throw new ForbiddenException("Marketing, leads and admins record outcomes.");
        }

        await validator.ValidateOrThrowAsync(command, ct);
        var now = clock.GetStoredUtcNow();
        if (command.MeasuredAt > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new InvalidInputException("#/measuredAt", "An outcome cannot be measured in the future.");
        }

        if (await db.CreatedEarlierAsync<Outcome>(command.IdempotencyKey, command.Actor.Id, ct) is { } earlier)
        {
            return earlier;
        }

        var outcome = new Outcome
        {
            Id = Guid.CreateVersion7(now),
            RequestId = Guid.Parse(command.RequestId),
            Kpi = command.Kpi.Trim(),
            Baseline = command.Baseline,
            Target = command.Target,
            Actual = command.Actual,
            MeasuredAt = command.MeasuredAt!.Value,
            RecordedAt = now,
            RecordedBy = command.Actor.Name,
        };
        db.Outcomes.Add(outcome);
        db.RememberCreated<Outcome>(command.IdempotencyKey, command.Actor.Id, outcome.Id, now);
        // The row and its change record commit together: a change recorded apart could be lost (a crash, a cancelled
        // call) and the cached inputs would never see this row. A taken key rolls back to EF's savepoint, so the
        // lookup of the earlier result still runs in this transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.SaveChangesOrEarlierAsync<Outcome>(command.IdempotencyKey, command.Actor.Id, ct) is { } concurrent)
        {
            return concurrent;
        }

        await MetricInputsLoader.RecordChangeAsync(db, InputsChange.Outcome, outcome.Id, ct);
        await transaction.CommitAsync(ct);
        return outcome;
    }
}
