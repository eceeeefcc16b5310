using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Queries;

public sealed class GetRequestHandler(RequestsDbContext db)
{
    public async Task<Request> HandleAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var requestId))
        {
            throw new NotFoundException("Request", id);
        }

        return await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new NotFoundException("Request", id);
    }

    /// <summary>Unanswered clarifying questions per request, for the requests shown.</summary>
    public async Task<Dictionary<Guid, int>> OpenClarificationsAsync(IReadOnlyCollection<Guid> requestIds, CancellationToken ct) =>
        await db.Clarifications.AsNoTracking()
            .Where(c => requestIds.Contains(c.RequestId) && c.Answer == null)
            .GroupBy(c => c.RequestId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
