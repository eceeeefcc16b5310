namespace MarketingDev.Gateway.Http;

/// <summary>The one page shape of every list: items plus an opaque cursor for the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Paging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <summary>The page size asked for, or 400 naming the parameter when it is out of range.</summary>
    public static int Limit(int? limit)
    {
        if (limit is null)
        {
            return DefaultLimit;
        }

        if (limit is < 1 or > MaxLimit)
        {
            var problem = Errors.Problems.Create(400, "validation", "The request is not valid", "Fix the fields listed in errors.");
            problem.Extensions["errors"] = new[] { new Errors.Problems.FieldError("#/limit", $"Limit must be between 1 and {MaxLimit}.") };
            throw new Errors.ApiProblemException(problem);
        }

        return limit.Value;
    }

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
