namespace MarketingDev.Contracts.Events.Gateway;

/// <summary>
/// The Gateway stopped delivering to a webhook because its last ConsecutiveFailures events all failed for good.
/// Deliveries still pending stay stored and go out once an admin enables the webhook again. No URL: the feed is open to
/// every role, and a receiver's URL (a chat webhook's especially) is a secret of its own.
/// </summary>
public sealed record WebhookDisabled(
    Guid EventId, DateTimeOffset OccurredAt, Guid WebhookId, int ConsecutiveFailures, string Reason) : IIntegrationEvent;
