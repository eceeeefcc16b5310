using MarketingDev.Gateway.Errors;

namespace MarketingDev.Gateway.Http;

/// <summary>Strong ETags from a resource's version (RFC 9110 §8.8.3) and the If-Match precondition on writes.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>
    /// The version the caller's If-Match names, or null when it sent none (the write is then unconditional).
    /// "*" matches any current version. A list or a weak tag can never match a strong comparison: 412.
    /// </summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        if (header.Length > 2 && header[0] == '"' && header[^1] == '"' && int.TryParse(header.AsSpan(1, header.Length - 2), out var version) && version > 0)
        {
            return version;
        }

        throw new ApiProblemException(ProblemCatalogue.PreconditionFailed.Create(
            $"If-Match '{header}' does not match the current ETag; GET the resource and send its ETag."));
    }

    /// <summary>True when If-None-Match names the current version, so a 304 can save the body.</summary>
    public static bool NotModified(HttpRequest request, int version)
    {
        var header = request.Headers.IfNoneMatch.ToString();
        return header.Length > 0 && header.Split(',').Select(t => t.Trim().TrimStart('W', '/')).Any(t => t == "*" || t == For(version));
    }
}
