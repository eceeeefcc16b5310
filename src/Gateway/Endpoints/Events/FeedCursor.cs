using System.Globalization;
using System.Text;
using MarketingDev.ServiceDefaults.Errors;

namespace MarketingDev.Gateway.Endpoints.Events;

/// <summary>Opaque cursors (base64url of a sequence number) and page sizes, refused as 400 when malformed.</summary>
public static class FeedCursor
{
    public static string Encode(long sequence) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(sequence.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string cursor, out long sequence)
    {
        sequence = 0;
        if (cursor.Length is 0 or > 32)
        {
            return false;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var bytes = new byte[24];
        return Convert.TryFromBase64String(base64, bytes, out var written)
               && long.TryParse(Encoding.ASCII.GetString(bytes, 0, written), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    public static long Decode(string cursor, string pointer)
    {
        if (!TryDecode(cursor, out var sequence))
        {
            throw new InvalidInputException(pointer, "Not a cursor this API gave out; pass back nextCursor (or the Link header) as it is.");
        }

        return sequence;
    }

    public static int Limit(int? limit, int byDefault, int max, string pointer)
    {
        if (limit is { } given && (given < 1 || given > max))
        {
            throw new InvalidInputException(pointer, $"limit must be between 1 and {max}.");
        }

        return limit ?? byDefault;
    }
}
