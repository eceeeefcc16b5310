using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Errors;

namespace MarketingDev.Gateway.Idempotency;

/// <summary>Marks a creating POST that honours Idempotency-Key.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute;

/// <summary>
/// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the same key and body replay the first response and
/// create nothing; the same key with another body is 422; a retry while the first is still running is 409. Keys are
/// scoped to the calling API key and kept for 24 hours. 5xx answers are not kept, so a retry after one runs again.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string ServiceIdempotencyItem = "md.service-idempotency-key";

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store, IProblemDetailsService problems)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null
            || !HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(HeaderName, out var values)
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > 255)
        {
            await WriteProblemAsync(context, problems, ProblemCatalogue.IdempotencyKeyInvalid.Create(
                "Send one Idempotency-Key of 1 to 255 characters."));
            return;
        }

        context.Request.EnableBuffering();
        var fingerprint = await FingerprintAsync(context.Request, context.RequestAborted);
        var clientId = context.User.KeyId();
        var existing = await store.TryClaimAsync(clientId, key, fingerprint, context.RequestAborted);
        // The writing service stores this with what it creates: a retry after a 503 then finds the first result there.
        context.Items[ServiceIdempotencyItem] = ServiceDefaults.Identity.CallHeaders.IdempotencyKeyFor(clientId.ToString(), key, fingerprint);
        if (existing is not null)
        {
            await AnswerRetryAsync(context, problems, existing, fingerprint);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await store.ReleaseAsync(clientId, key);
            throw;
        }

        context.Response.Body = original;
        var body = buffer.ToArray();
        if (context.Response.StatusCode >= 500)
        {
            await store.ReleaseAsync(clientId, key);
        }
        else
        {
            await store.CompleteAsync(clientId, key, context.Response, body, CancellationToken.None);
        }

        await original.WriteAsync(body, context.RequestAborted);
    }

    private static async Task AnswerRetryAsync(HttpContext context, IProblemDetailsService problems, IdempotencyRecord existing, string fingerprint)
    {
        if (existing.Fingerprint != fingerprint)
        {
            await WriteProblemAsync(context, problems, ProblemCatalogue.IdempotencyKeyReused.Create(
                "This Idempotency-Key was first used with a different request; use a new key for a new request."));
            return;
        }

        if (!existing.Completed)
        {
            context.Response.Headers.RetryAfter = "1";
            await WriteProblemAsync(context, problems, ProblemCatalogue.IdempotencyKeyInUse.Create(
                "The first request with this Idempotency-Key has not finished yet; retry shortly."));
            return;
        }

        context.Response.StatusCode = existing.StatusCode;
        context.Response.Headers[ReplayedHeader] = "true";
        if (!string.IsNullOrEmpty(existing.ContentType))
        {
            context.Response.ContentType = existing.ContentType;
        }

        if (!string.IsNullOrEmpty(existing.Location))
        {
            context.Response.Headers.Location = existing.Location;
        }

        if (!string.IsNullOrEmpty(existing.ETag))
        {
            context.Response.Headers.ETag = existing.ETag;
        }

        if (existing.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static async Task WriteProblemAsync(HttpContext context, IProblemDetailsService problems, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Method, path and body; a JSON body is canonicalised (sorted keys, no white space) so formatting does not matter.</summary>
    internal static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        request.Body.Position = 0;
        byte[] canonical;
        try
        {
            canonical = body.Length == 0 ? [] : Encoding.UTF8.GetBytes(Canonical(JsonNode.Parse(body.ToArray()))?.ToJsonString() ?? "null");
        }
        catch (JsonException)
        {
            canonical = body.ToArray();
        }

        var prefix = Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. prefix, .. canonical]));
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        _ => node?.DeepClone(),
    };
}
