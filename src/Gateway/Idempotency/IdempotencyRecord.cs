namespace MarketingDev.Gateway.Idempotency;

/// <summary>The first response to a creating POST under an Idempotency-Key, kept so a retry gets it again.</summary>
public sealed class IdempotencyRecord
{
    public Guid ClientId { get; set; }
    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path and the canonical JSON body: a key reused for another payload is refused.</summary>
    public string Fingerprint { get; set; } = "";
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
