using System.Buffers.Text;
using System.Text;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.KnowledgeBase.Features;

/// <summary>Page size and next cursor for every keyset-paginated list of this service.</summary>
internal static class Paging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <summary>The page size asked for (none: the default), refusing one outside 1 to max.</summary>
    public static int Limit(int? requested, int defaultLimit = DefaultLimit, int max = MaxLimit)
    {
        var limit = requested ?? defaultLimit;
        return limit < 1 || limit > max
            ? throw new InvalidInputException("#/limit", $"Limit must be between 1 and {max}.")
            : limit;
    }

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

/// <summary>An opaque cursor: clients pass it back, they do not build it.</summary>
internal static class Cursor
{
    public static string Encode(long seq) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"s:{seq}"));

    /// <summary>For lists ordered by an instant, then the sequence: the last row's pair.</summary>
    public static string EncodeAfter(DateTimeOffset at, long seq) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"t:{at.UtcTicks}:{seq}"));

    public static (DateTimeOffset At, long Seq)? DecodeAfter(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            if (parts is ["t", var ticks, var seq] && long.TryParse(ticks, out var utcTicks) && long.TryParse(seq, out var sequence)
                && utcTicks >= DateTimeOffset.MinValue.UtcTicks && utcTicks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                return (new DateTimeOffset(utcTicks, TimeSpan.Zero), sequence);
            }
        }
        catch (FormatException)
        {
            // Falls through to the same answer as any other unreadable cursor.
        }

        throw Unreadable();
    }

    public static long? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("s:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2), out var seq))
            {
                return seq;
            }
        }
        catch (FormatException)
        {
            // Falls through to the same answer as any other unreadable cursor.
        }

        throw Unreadable();
    }

    private static InvalidInputException Unreadable() => new("#/cursor", "The cursor is not one this API issued.");
}
