using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Bugs;

public sealed class GetBugHandler(RequestsDbContext db)
{
    public async Task<Bug> HandleAsync(string id, CancellationToken ct) =>
        (Guid.TryParse(id, out var bugId) ? await db.Bugs.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bugId, ct) : null)
        ?? throw new NotFoundException("Bug", id);
}
