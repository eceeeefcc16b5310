using FluentValidation;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Queries;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Bugs;

/// <summary>RequestId empty and Status null: any.</summary>
public sealed record ListBugs(string? RequestId, BugStatus? Status, int? Limit, string? Cursor);

public sealed class ListBugsValidator : AbstractValidator<ListBugs>
{
    public ListBugsValidator()
    {
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.RequestId).Must(id => Guid.TryParse(id, out _)).When(q => !string.IsNullOrEmpty(q.RequestId)).WithMessage("Not a request id.");
        RuleFor(q => q.Status).KnownOrAbsent("Status");
    }
}

/// <summary>Newest first, keyset-paginated like the request list.</summary>
public sealed class ListBugsHandler(RequestsDbContext db, IValidator<ListBugs> validator)
{
    public async Task<(IReadOnlyList<Bug> Items, string? NextCursor)> HandleAsync(ListBugs query, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(query, ct);
        var limit = query.Limit ?? Paging.DefaultLimit;
        IQueryable<Bug> bugs = db.Bugs.AsNoTracking();
        if (!string.IsNullOrEmpty(query.RequestId))
        {
            var requestId = Guid.Parse(query.RequestId);
            bugs = bugs.Where(b => b.RequestId == requestId);
        }

        if (query.Status is { } status)
        {
            bugs = bugs.Where(b => b.Status == status);
        }

        if (!string.IsNullOrEmpty(query.Cursor))
        {
            var after = Cursor.Decode(query.Cursor);
            bugs = bugs.Where(b => b.Number < after);
        }

        return Paging.Page(await bugs.OrderByDescending(b => b.Number).Take(limit + 1).ToListAsync(ct), limit, b => b.Number);
    }
}
