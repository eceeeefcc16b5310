using System.Security.Cryptography;
using System.Text;
using Grpc.Core;

namespace MarketingDev.ServiceDefaults.Identity;

/// <summary>
/// Request metadata the Gateway passes to services besides the service token. The idempotency key travels to the
/// service that writes, so it is stored with the write in the same transaction and a retry after a lost answer (the
/// service died between commit and reply) finds the first result instead of creating a second one.
/// </summary>
public static class CallHeaders
{
    public const string IdempotencyKey = "md-idempotency-key";

    /// <summary>One opaque value for (client, Idempotency-Key, body): another client or another body is another key.</summary>
    public static string IdempotencyKeyFor(string clientId, string key, string fingerprint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{clientId}\n{key}\n{fingerprint}")));

    public static string? GetIdempotencyKey(this ServerCallContext context) =>
        context.RequestHeaders.GetValue(IdempotencyKey) is { Length: > 0 and <= 64 } key ? key : null;
}
