using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// The body a webhook receives. "json": the Standard Webhooks envelope { type, timestamp, data } with the event as
/// data. "slack": { text } written for a chat channel, with a link back for what needs people.
/// </summary>
public static class WebhookPayloads
{
    public const string PingType = "webhook.ping";

    public static string Render(string format, string eventType, DateTimeOffset occurredAt, string payload, string? publicBaseUrl) =>
        format == "slack" ? Slack(eventType, payload, publicBaseUrl) : Json(eventType, occurredAt, payload);

    public static string Json(string eventType, DateTimeOffset occurredAt, string payload) =>
        new JsonObject
        {
            ["type"] = eventType,
            ["timestamp"] = occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = JsonNode.Parse(payload),
        }.ToJsonString();

    public static string Slack(string eventType, string payload, string? publicBaseUrl) =>
        new JsonObject { ["text"] = SlackText(eventType, JsonNode.Parse(payload) as JsonObject ?? [], publicBaseUrl) }.ToJsonString();

    internal static string SlackText(string eventType, JsonObject e, string? baseUrl)
    {
        string S(string name) => Escape(e[name]?.ToString() ?? "");
        string Link(string path, string label) =>
            string.IsNullOrEmpty(baseUrl) ? label : $"<{baseUrl.TrimEnd('/')}{path}|{label}>";
        var requestLink = Link($"/api/v1/requests/{S("requestId")}", S(e.ContainsKey("requestKey") ? "requestKey" : "key"));
        return eventType switch
        {
            "bugReported" when S("severity") == "critical" =>
                $":rotating_light: *Critical bug {Link($"/api/v1/bugs/{S("bugId")}", S("bugKey"))}* reported by {S("reportedBy")}" +
                (e["requestId"] is null ? "" : $" on request {requestLink}"),
            "bugReported" =>
                $":beetle: Bug {Link($"/api/v1/bugs/{S("bugId")}", S("bugKey"))} ({S("severity")}) reported by {S("reportedBy")}",
            "roadblockRaised" =>
                $":construction: *Roadblock ({S("severity")})* on {requestLink} {S("requestTitle")}: {S("description")} — raised by {S("raisedBy")}",
            "requestStatusChanged" when S("kind") == "returned" =>
                $":leftwards_arrow_with_hook: Request {requestLink} was returned for more information by {S("actor")}" +
                (string.IsNullOrEmpty(S("reason")) ? "" : $": {S("reason")}"),
            PingType => ":wave: Test message from MarketingDev: this webhook works.",
            _ => $"MarketingDev event *{Escape(eventType)}*" + (e["requestId"] is null ? "" : $" on request {requestLink}"),
        };
    }

    /// <summary>Slack's three control characters; everything else is literal text.</summary>
    private static string Escape(string text) =>
        new StringBuilder(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").ToString();

    public static string PingPayload(Guid webhookId, DateTimeOffset now) =>
        JsonSerializer.Serialize(new { webhookId, sentAt = now });
}
