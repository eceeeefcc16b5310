using FluentValidation;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Readiness;

/// <summary>Lints content as sent (nothing stored) or a stored request, against today's date in UTC.</summary>
public sealed class CheckReadinessHandler(RequestsDbContext db, IValidator<Domain.RequestContent> validator, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<ReadinessReport> LintAsync(Domain.RequestContent content, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(content, ct);
        return ReadinessLinter.Lint(content.WithDefaults(), Today, ReadinessRules.Default);
    }

    public async Task<ReadinessReport> LintStoredAsync(string id, CancellationToken ct)
    {
        var request = Guid.TryParse(id, out var requestId)
            ? await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct)
            : null;
        return request is null
            ? throw new NotFoundException("Request", id)
            : ReadinessLinter.Lint(request.Content, Today, ReadinessRules.Default);
    }
}
