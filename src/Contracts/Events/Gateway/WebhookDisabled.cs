namespace MarketingDev.Contracts.Events.Gateway;

/// <summary>
/// The Gateway stopped delivering to a webhook because its last ConsecutiveFailures events all failed for good.
/// Deliveries still pending stay stored and go out once an admin enables the webhook again.
/// </summary>
public sealed record WebhookDisabled(
    Guid EventId, DateTimeOffset OccurredAt, Guid WebhookId, string Url, int ConsecutiveFailures, string Reason) : IIntegrationEvent;
