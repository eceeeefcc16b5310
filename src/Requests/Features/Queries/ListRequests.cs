using System.Buffers.Text;
using System.Text;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Queries;

public sealed record ListRequests(int Limit, string? Cursor);

public sealed record RequestPage(IReadOnlyList<Request> Items, string? NextCursor);

/// <summary>Newest first, keyset-paginated on the request number so that pages never skip or repeat under writes.</summary>
public sealed class ListRequestsHandler(RequestsDbContext db)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public async Task<RequestPage> HandleAsync(ListRequests query, CancellationToken ct)
    {
        var limit = query.Limit == 0 ? DefaultLimit : query.Limit;
        if (limit is < 1 or > MaxLimit)
        {
            throw new InvalidInputException("#/limit", $"Limit must be between 1 and {MaxLimit}.");
        }

        IQueryable<Request> requests = db.Requests.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Cursor))
        {
            var after = Cursor.Decode(query.Cursor);
            requests = requests.Where(r => r.Number < after);
        }

        var items = await requests.OrderByDescending(r => r.Number).Take(limit + 1).ToListAsync(ct);
        var hasMore = items.Count > limit;
        if (hasMore)
        {
            items.RemoveAt(limit);
        }

        return new RequestPage(items, hasMore ? Cursor.Encode(items[^1].Number) : null);
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
