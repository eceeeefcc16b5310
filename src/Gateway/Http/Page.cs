namespace MarketingDev.Gateway.Http;

/// <summary>The one page shape of every list: items plus an opaque cursor for the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Paging
{
    /// <summary>Adds the RFC 8288 Link header for the next page, keeping the caller's other query parameters.</summary>
    public static void AddNextLink(HttpContext context, string? nextCursor)
    {
        if (string.IsNullOrEmpty(nextCursor))
        {
            return;
        }

        var query = context.Request.Query
            .Where(q => q.Key != "cursor")
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append("cursor=" + Uri.EscapeDataString(nextCursor));
        context.Response.Headers.Append("Link", $"<{context.Request.Path}?{string.Join('&', query)}>; rel=\"next\"");
    }
}
