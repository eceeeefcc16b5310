using FluentValidation;

namespace MarketingDev.Requests.Features.Queries;

/// <summary>Page size and next cursor for every keyset-paginated list of this service.</summary>
internal static class Paging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <summary>The page size asked for (none: the default) must be 1 to 100.</summary>
    public static IRuleBuilderOptions<T, int?> PageLimit<T>(this IRuleBuilder<T, int?> rule) => rule
        .Must(limit => limit is null or (>= 1 and <= MaxLimit)).WithMessage($"Limit must be between 1 and {MaxLimit}.");

    /// <summary>Takes a list fetched with limit + 1 rows: trims the extra row and makes the cursor from the last kept one.</summary>
    public static (IReadOnlyList<T> Items, string? NextCursor) Page<T>(List<T> fetched, int limit, Func<T, long> key)
    {
        if (fetched.Count <= limit)
        {
            return (fetched, null);
        }

        fetched.RemoveAt(limit);
        return (fetched, Cursor.Encode(key(fetched[^1])));
    }
}
