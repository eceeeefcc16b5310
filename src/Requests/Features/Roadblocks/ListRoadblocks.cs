using FluentValidation;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Queries;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Roadblocks;

/// <summary>Status null: any.</summary>
public sealed record ListRoadblocks(RoadblockStatus? Status, int? Limit, string? Cursor);

public sealed class ListRoadblocksValidator : AbstractValidator<ListRoadblocks>
{
    public ListRoadblocksValidator()
    {
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Status).KnownOrAbsent("Status");
    }
}

/// <summary>Newest first, keyset-paginated like the request list.</summary>
public sealed class ListRoadblocksHandler(RequestsDbContext db, IValidator<ListRoadblocks> validator)
{
    public async Task<(IReadOnlyList<Roadblock> Items, string? NextCursor)> HandleAsync(ListRoadblocks query, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(query, ct);
        var limit = query.Limit ?? Paging.DefaultLimit;
        IQueryable<Roadblock> roadblocks = db.Roadblocks.AsNoTracking();
        if (query.Status is { } status)
        {
            roadblocks = roadblocks.Where(r => r.Status == status);
        }

        if (!string.IsNullOrEmpty(query.Cursor))
        {
            var after = Cursor.Decode(query.Cursor);
            roadblocks = roadblocks.Where(r => r.Seq < after);
        }

        var items = await roadblocks.OrderByDescending(r => r.Seq).Take(limit + 1).ToListAsync(ct);
        return Paging.Page(items, limit, r => r.Seq);
    }
}
