using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Queries;

public sealed class GetHistoryHandler(RequestsDbContext db)
{
    public async Task<IReadOnlyList<RequestChange>> HandleAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var requestId) || !await db.Requests.AnyAsync(r => r.Id == requestId, ct))
        {
            throw new NotFoundException("Request", id);
        }

        return await db.RequestChanges.AsNoTracking().Where(c => c.RequestId == requestId).OrderBy(c => c.Id).ToListAsync(ct);
    }
}
