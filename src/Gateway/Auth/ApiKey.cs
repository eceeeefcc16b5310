using System.Security.Cryptography;
using System.Text;

namespace MarketingDev.Gateway.Auth;



/// <summary>A key a tool or a person calls the API with. Only its SHA-256 hash is stored; the key is shown once.</summary>
public sealed class ApiKey
{
    private const string KeyPrefix = "mdk_";

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Who the key belongs to: a person or a tool; requests it creates name this as their requester.</summary>
    public string Name { get; private set; } = "";
    public Role Role { get; private set; }

    /// <summary>The first characters of the key, so an operator can tell keys apart without the secret.</summary>
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Creates a key with 256 bits of randomness; returns the only copy of the secret alongside it.</summary>
    public static (ApiKey Key, string Secret) Create(string name, Role role, string createdBy, DateTimeOffset now)
    {
        var secret = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (FromSecret(secret, name, role, createdBy, now), secret);
    }

    /// <summary>Installs a key whose secret was chosen elsewhere (the bootstrap admin key).</summary>
    public static ApiKey FromSecret(string secret, string name, Role role, string createdBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name,
        Role = role,
        Prefix = secret[..Math.Min(8, secret.Length)],
        Hash = HashOf(secret),
        CreatedAt = now,
        CreatedBy = createdBy,
    };

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    // Keys are long random strings, not passwords: a fast hash resists guessing as well as a slow one would.
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
