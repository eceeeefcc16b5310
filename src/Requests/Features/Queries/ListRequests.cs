using System.Buffers.Text;
using System.Text;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using FluentValidation;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Queries;

/// <summary>Null filters match everything; dates are inclusive.</summary>
public sealed record ListRequests(
    int? Limit,
    string? Cursor,
    RequestStatus? Status = null,
    RequestType? Type = null,
    Priority? Priority = null,
    DateOnly? LaunchFrom = null,
    DateOnly? LaunchTo = null,
    string? Q = null);

/// <summary>A page of requests, with the number of unanswered clarifying questions of each.</summary>
public sealed record RequestPage(IReadOnlyList<Request> Items, string? NextCursor, IReadOnlyDictionary<Guid, int> OpenClarifications);

public sealed class ListRequestsValidator : AbstractValidator<ListRequests>
{
    public ListRequestsValidator()
    {
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Status).KnownOrAbsent("Status");
        RuleFor(q => q.Type).KnownOrAbsent("Type");
        RuleFor(q => q.Priority).KnownOrAbsent("Priority");
    }
}

/// <summary>Newest first, keyset-paginated on the request number so that pages never skip or repeat under writes.</summary>
public sealed class ListRequestsHandler(RequestsDbContext db, IValidator<ListRequests> validator)
{
    public async Task<RequestPage> HandleAsync(ListRequests query, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(query, ct);
        var limit = query.Limit ?? Paging.DefaultLimit;
        IQueryable<Request> requests = Filter(db.Requests.AsNoTracking(), query);
        if (!string.IsNullOrEmpty(query.Cursor))
        {
            var after = Cursor.Decode(query.Cursor);
            requests = requests.Where(r => r.Number < after);
        }

        var (items, next) = Paging.Page(await requests.OrderByDescending(r => r.Number).Take(limit + 1).ToListAsync(ct), limit, r => r.Number);
        return new RequestPage(items, next, await db.OpenClarificationsAsync(items.Select(r => r.Id).ToList(), ct));
    }

    private static IQueryable<Request> Filter(IQueryable<Request> requests, ListRequests query)
    {
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (query.Type is { } type)
        {
            requests = requests.Where(r => r.Type == type);
        }

        if (query.Priority is { } priority)
        {
            requests = requests.Where(r => r.Priority == priority);
        }

        if (query.LaunchFrom is { } from)
        {
            requests = requests.Where(r => r.LaunchDate >= from);
        }

        if (query.LaunchTo is { } to)
        {
            requests = requests.Where(r => r.LaunchDate <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // Every word must appear (in any order, any case) in the title or the user story.
            foreach (var word in query.Q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10))
            {
                var pattern = "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
                requests = requests.Where(r => EF.Functions.ILike(r.SearchText, pattern, "\\"));
            }
        }

        return requests;
    }
}

/// <summary>An opaque cursor: clients pass it back, they do not build it.</summary>
internal static class Cursor
{
    public static string Encode(long number) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"n:{number}"));

    public static long Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("n:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2), out var number))
            {
                return number;
            }
        }
        catch (FormatException)
        {
            // Falls through to the same answer as any other unreadable cursor.
        }

        throw new InvalidInputException("#/cursor", "The cursor is not one this API issued.");
    }
}
