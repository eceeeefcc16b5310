using System.Text.Json;

namespace MarketingDev.Gateway.Endpoints.Webhooks;

/// <summary>Registers a receiver: an https URL, the event types (their camelCase names, or "*"), json (default) or slack.</summary>
public sealed record CreateWebhookBody(string Url, IReadOnlyList<string> Events, string? Format = null, string? Description = null);

/// <summary>Changes what is given; an absent (null) field keeps its value. Enabling again resets the run of failures.</summary>
public sealed record UpdateWebhookBody(
    string? Url = null, IReadOnlyList<string>? Events = null, bool? Enabled = null, string? Description = null, string? Format = null);

/// <summary>A webhook as listed: never its secret.</summary>
public sealed record WebhookView(
    Guid Id, string Url, IReadOnlyList<string> Events, string Format, string? Description, bool Enabled, int ConsecutiveFailures,
    string? DisabledReason, DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt);

/// <summary>The only answers that carry a signing secret: creating a webhook and rotating its secret.</summary>
public sealed record CreatedWebhook(WebhookView Webhook, string Secret);

public sealed record RotatedSecret(Guid WebhookId, string Secret, DateTimeOffset PreviousSecretExpiresAt);

public sealed record AttemptView(int Number, DateTimeOffset AttemptedAt, int? StatusCode, int LatencyMs, string? ResponseSnippet, string? Error);

/// <summary>One event owed to a webhook; EventId is the webhook-id header of each of its attempts.</summary>
public sealed record DeliveryView(
    Guid Id, Guid WebhookId, Guid EventId, string EventType, string Status, int AttemptCount, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? CompletedAt, string? LastError, Guid? ReplayOf, IReadOnlyList<AttemptView> Attempts);

public sealed record DeliveryQueued(Guid DeliveryId, Guid EventId);

/// <summary>An event of the feed: Id is the same id webhooks send as webhook-id; Cursor resumes right after it.</summary>
public sealed record EventView(Guid Id, string Type, DateTimeOffset OccurredAt, string Cursor, JsonElement Data);
