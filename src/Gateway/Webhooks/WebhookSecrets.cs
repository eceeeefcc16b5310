using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// Signing secrets: generated as whsec_&lt;base64 of 32 random bytes&gt; (the Standard Webhooks form), returned to the
/// admin once, stored only encrypted by Data Protection (whose key ring lives in the Gateway's database, so every
/// replica can decrypt), and never logged.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    public const string Prefix = "whsec_";
    private readonly IDataProtector _protector = provider.CreateProtector("MarketingDev.Gateway.Webhooks.Secret.v1");

    // Decrypting costs more than signing: remember what was decrypted, by its ciphertext (a rotation changes it).
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The HMAC key of a stored secret: the bytes the base64 after whsec_ stands for.</summary>
    public byte[] KeyOf(string protectedSecret) => _keys.GetOrAdd(protectedSecret, p =>
    {
        if (_keys.Count > 10_000)
        {
            _keys.Clear();
        }

        return Convert.FromBase64String(_protector.Unprotect(p)[Prefix.Length..]);
    });
}
