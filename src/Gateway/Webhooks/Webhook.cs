namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// A receiver registered by an admin: where to post, which event types, in which format. The signing secrets are stored
/// encrypted (Data Protection); during a rotation's grace period the previous secret signs too.
/// </summary>
public sealed class Webhook
{
    public const string AllEvents = "*";

    public Guid Id { get; init; }
    public required string Url { get; set; }
    public List<string> Events { get; set; } = [];
    public required string Format { get; set; }
    public string? Description { get; set; }
    public bool Enabled { get; set; } = true;
    public required string ProtectedSecret { get; set; }
    public string? ProtectedPreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    public int ConsecutiveFailures { get; set; }
    public string? DisabledReason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Subscribes(string eventType) => Events.Contains(AllEvents) || Events.Contains(eventType);

    /// <summary>The old secret keeps signing (beside the new one) until the grace period ends.</summary>
    public void Rotate(string protectedSecret, DateTimeOffset now, TimeSpan grace)
    {
        ProtectedPreviousSecret = ProtectedSecret;
        PreviousSecretExpiresAt = now + grace;
        ProtectedSecret = protectedSecret;
        UpdatedAt = now;
    }

    public void Enable(DateTimeOffset now)
    {
        Enabled = true;
        ConsecutiveFailures = 0;
        DisabledReason = null;
        UpdatedAt = now;
    }
}
