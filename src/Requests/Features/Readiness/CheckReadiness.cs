using FluentValidation;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Requests.Features.Readiness;

/// <summary>Lints content as sent (nothing stored), against today's date in UTC.</summary>
public sealed class CheckReadinessHandler(IValidator<Domain.RequestContent> validator, TimeProvider clock)
{
    public async Task<ReadinessReport> HandleAsync(Domain.RequestContent content, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(content, ct);
        return ReadinessLinter.Lint(content.WithDefaults(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ReadinessRules.Default);
    }
}
