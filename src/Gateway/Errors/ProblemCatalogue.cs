using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace MarketingDev.Gateway.Errors;

/// <summary>One kind of problem the API answers with: its type URI, title and status, and when it happens.</summary>
public sealed record ProblemType(string Slug, int Status, string Title, string When)
{
    public string Type => Problems.TypeBase + Slug;

    public ProblemDetails Create(string? detail = null) => Problems.Create(Status, Slug, Title, detail);
}

/// <summary>
/// Every problem type the Gateway can answer with. Code that writes a problem takes its type from here, and
/// GET /api/v1/problems lists these, so the published list and what the routes do cannot drift apart.
/// </summary>
public static class ProblemCatalogue
{
    public static readonly ProblemType Validation = new("validation", 400, "The request is not valid",
        "A field of the body or a query parameter breaks a rule; errors[] lists each as a JSON pointer (or parameter name) and what is wrong.");
    public static readonly ProblemType MalformedRequest = new("malformed-request", 400, "The request could not be read",
        "The body is not JSON, has a value of the wrong type, misses a required field or has a field the API does not know; errors[] points at it.");
    public static readonly ProblemType IdempotencyKeyInvalid = new("idempotency-key-invalid", 400, "Invalid Idempotency-Key",
        "Idempotency-Key is empty, longer than 255 characters or sent more than once.");
    public static readonly ProblemType Unauthenticated = new("unauthenticated", 401, "Authentication required",
        "No credentials, an unknown or revoked API key, or a bearer token that is expired, for another audience or not validly signed. WWW-Authenticate says which schemes are accepted.");
    public static readonly ProblemType Forbidden = new("forbidden", 403, "Not allowed",
        "The caller's role may not use this route, may not act on this resource (not its owner), or the sign-in carries no known role.");
    public static readonly ProblemType NotFound = new("not-found", 404, "Not found",
        "No route answers this path, or the resource it names does not exist.");
    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", 405, "Method not allowed",
        "The path exists but not with this HTTP method.");
    public static readonly ProblemType NotAcceptable = new("not-acceptable", 406, "Not acceptable",
        "The Accept header asks for a representation the route does not offer.");
    public static readonly ProblemType Conflict = new("conflict", 409, "Conflict with the current state",
        "The change is not possible in the resource's current state (an illegal status move, an answer given twice, a concurrent change); allowed[] lists the moves that are possible.");
    public static readonly ProblemType IdempotencyKeyInUse = new("idempotency-key-in-use", 409, "Request still in progress",
        "A request with the same Idempotency-Key is still being processed; retry after it finished.");
    public static readonly ProblemType PreconditionFailed = new("precondition-failed", 412, "The resource has changed",
        "If-Match names a version that is no longer current (the response's ETag is the current one), or If-Match is malformed.");
    public static readonly ProblemType PayloadTooLarge = new("payload-too-large", 413, "The request is too large",
        "The body is larger than Gateway__MaxRequestBodyBytes, or a service refused a message as too large.");
    public static readonly ProblemType UriTooLong = new("uri-too-long", 414, "The URL is too long",
        "Path and query string are longer than Gateway__MaxUrlLength.");
    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", 415, "Unsupported media type",
        "A route that reads JSON got a body with another Content-Type.");
    public static readonly ProblemType Unprocessable = new("unprocessable", 422, "The request cannot be processed as it is",
        "The input is well formed but not acceptable yet (e.g. submitting a request whose readiness check still has errors); the findings are extension members.");
    public static readonly ProblemType IdempotencyKeyReused = new("idempotency-key-reused", 422, "Idempotency-Key reused",
        "The Idempotency-Key was already used with a different method, path or body.");
    public static readonly ProblemType RateLimited = new("rate-limited", 429, "Too many requests",
        "The caller's token bucket is empty; Retry-After says when a token is back, RateLimit-Policy and RateLimit describe the limit.");
    public static readonly ProblemType HeadersTooLarge = new("headers-too-large", 431, "The request headers are too large",
        "The request headers are larger than Gateway__MaxHeaderBytes.");
    public static readonly ProblemType Internal = new("internal", 500, "Internal error",
        "A fault on our side; it is logged, quote the traceId when reporting it.");
    public static readonly ProblemType ServiceUnavailable = new("service-unavailable", 503, "A service is unavailable",
        "A service behind the Gateway did not answer within Gateway__ServiceCallTimeout or refused the Gateway's credentials; Retry-After says when to try again.");
    public static readonly ProblemType HttpError = new("http-error", 400, "The request failed",
        "Any other error status the web server itself raises (e.g. 408 request timeout, 411 length required); the status says which.");

    /// <summary>Every entry above, in the order declared (found by reflection, so a new field cannot be forgotten here).</summary>
    public static IReadOnlyList<ProblemType> All { get; } = typeof(ProblemCatalogue)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ProblemType))
        .Select(f => (ProblemType)f.GetValue(null)!)
        .ToList();

    /// <summary>What a bare status code (from the web server or the framework) is described as.</summary>
    public static ProblemType ForStatus(int status) =>
        All.FirstOrDefault(p => p.Status == status && p != Validation && p != IdempotencyKeyInvalid && p != IdempotencyKeyInUse && p != IdempotencyKeyReused)
        ?? (status >= 500 ? Internal : HttpError);
}
