using Grpc.Core;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.TestSupport;

/// <summary>Actors for gRPC-level tests, with service tokens signed by the key every test service is configured with.</summary>
public static class TestActors
{
    public const string SigningKey = "test-service-signing-key-0123456789abcdef";
    private static readonly ServiceTokens Tokens = new([SigningKey]);

    public static readonly Actor Admin = new("test-admin", "test-admin", Role.Admin);
    public static readonly Actor Lead = new("test-lead", "test-lead", Role.Lead);
    public static readonly Actor Developer = new("test-developer", "test-developer", Role.Developer);
    public static readonly Actor Marketing = new("test-marketing", "test-marketing", Role.Marketing);

    public static string TokenFor(Actor actor) => Tokens.Sign(actor, DateTimeOffset.UtcNow);

    public static CallCredentials Credentials(Actor actor) => CallCredentials.FromInterceptor((_, metadata) =>
    {
        metadata.Add("Authorization", "Bearer " + TokenFor(actor));
        return Task.CompletedTask;
    });
}
