using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Queries;

/// <summary>A request as shown: with the number of its unanswered clarifying questions.</summary>
public sealed record RequestWithQuestions(Request Request, int OpenClarifications);

public sealed class GetRequestHandler(RequestsDbContext db)
{
    public async Task<RequestWithQuestions> HandleAsync(string id, CancellationToken ct)
    {
        var request = (Guid.TryParse(id, out var requestId) ? await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct) : null)
            ?? throw new NotFoundException("Request", id);
        var open = await db.OpenClarificationsAsync([request.Id], ct);
        return new RequestWithQuestions(request, open.GetValueOrDefault(request.Id));
    }
}
