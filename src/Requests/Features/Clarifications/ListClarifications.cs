using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Clarifications;

/// <summary>A request's questions and answers, oldest first.</summary>
public sealed class ListClarificationsHandler(RequestsDbContext db)
{
    public async Task<IReadOnlyList<Clarification>> HandleAsync(string requestId, CancellationToken ct)
    {
        if (!Guid.TryParse(requestId, out var id) || !await db.Requests.AnyAsync(r => r.Id == id, ct))
        {
            throw new NotFoundException("Request", requestId);
        }

        return await db.Clarifications.AsNoTracking().Where(c => c.RequestId == id).OrderBy(c => c.AskedAt).ToListAsync(ct);
    }
}
