using FluentValidation;
using MarketingDev.Metrics.Data;
using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Features.Reading;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Features.Admin;

public sealed record SetBaseline(DateTimeOffset? From, DateTimeOffset? To, Actor Actor);

public sealed class SetBaselineValidator : AbstractValidator<SetBaseline>
{
    public SetBaselineValidator()
    {
        RuleFor(c => c.From).NotNull().WithMessage("The baseline needs a start.");
        RuleFor(c => c.To).NotNull().WithMessage("The baseline needs an end.");
        RuleFor(c => c.To!.Value).After(c => c.From!.Value).OverridePropertyName("To").When(c => c.From is not null && c.To is not null);
    }
}

/// <summary>The period before the practices (admins): compare=baseline and the scorecard measure against it.</summary>
public sealed class SetBaselineHandler(MetricsDbContext db, TimeProvider clock, SetBaselineValidator validator)
{
    public async Task<BaselinePeriod> HandleAsync(SetBaseline command, CancellationToken ct)
    {
        if (command.Actor.Role != Role.Admin)
        {
            throw new ForbiddenException("Only admins set the baseline.");
        }

        await validator.ValidateOrThrowAsync(command, ct);
        var baseline = await db.Baselines.SingleOrDefaultAsync(ct);
        if (baseline is null)
        {
            baseline = new BaselinePeriod();
            db.Baselines.Add(baseline);
        }

        baseline.From = command.From!.Value.ToUniversalTime();
        baseline.To = command.To!.Value.ToUniversalTime();
        baseline.SetAt = clock.GetStoredUtcNow();
        baseline.SetBy = command.Actor.Name;
        await db.SaveChangesAsync(ct);
        return baseline;
    }
}
