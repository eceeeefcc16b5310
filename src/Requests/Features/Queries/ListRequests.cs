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
    public async Task<RequestPage> HandleAsync(ListRequests query, CancellationToken ct)
    {
        var limit = Paging.Limit(query.Limit);
        IQueryable<Request> requests = db.Requests.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Cursor))
        {
            var after = Cursor.Decode(query.Cursor);
            requests = requests.Where(r => r.Number < after);
        }

        var (items, next) = Paging.Page(await requests.OrderByDescending(r => r.Number).Take(limit + 1).ToListAsync(ct), limit, r => r.Number);
        return new RequestPage(items, next);
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
