using MarketingDev.Requests.Data;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Readiness;

/// <summary>Lints a stored request, against today's date in UTC.</summary>
public sealed class GetReadinessHandler(RequestsDbContext db, TimeProvider clock)
{
    public async Task<ReadinessReport> HandleAsync(string id, CancellationToken ct)
    {
        var request = (Guid.TryParse(id, out var requestId) ? await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct) : null)
            ?? throw new NotFoundException("Request", id);
        return ReadinessLinter.Lint(request.Content, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ReadinessRules.Default);
    }
}
