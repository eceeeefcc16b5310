using System.Text.Json;
using MarketingDev.Gateway.Data;
using MarketingDev.Gateway.Endpoints.Webhooks;
using MarketingDev.Gateway.Errors;
using MarketingDev.Gateway.Http;
using MarketingDev.Gateway.Webhooks;
using MarketingDev.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Gateway.Endpoints.Events;

internal static class EventFeedEndpoints
{
    public static void MapEventFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", ReadAsync).WithName("ReadEventFeed").WithTags("Events")
            .WithSummary("Every integration event in a stable order, resumable: pass nextCursor back as after (any key). " +
                         "types= filters by comma-separated event types; limit 1-1000 (default 100). Kept at least 30 days.")
            .ProducesValidationProblem().ProducesProblem(401);
    }

    private static async Task<Ok<Page<EventView>>> ReadAsync(
        GatewayDbContext db, HttpContext http, CancellationToken ct,
        [FromQuery] string? after = null, [FromQuery] string? types = null, [FromQuery] int? limit = null)
    {
        var size = FeedCursor.Limit(limit, 100, 1000, "#/limit");
        var from = after is null ? 0 : FeedCursor.Decode(after, "#/after");
        var wanted = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var unknown = wanted.Where(t => !EventCatalog.IsKnown(t)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidInputException("#/types", $"Unknown event type(s): {string.Join(", ", unknown)}.");
        }

        var query = db.IntegrationEvents.AsNoTracking().Where(e => e.Sequence > from);
        if (wanted.Count > 0)
        {
            query = query.Where(e => wanted.Contains(e.Type));
        }

        var rows = await query.OrderBy(e => e.Sequence).Take(size).ToListAsync(ct);
        var items = rows.Select(e => new EventView(e.EventId, e.Type, e.OccurredAt, FeedCursor.Encode(e.Sequence),
            JsonDocument.Parse(e.Payload).RootElement.Clone())).ToList();
        // The position to resume from is always given (the last event read, or where the caller already was); Link only
        // when the page was full, i.e. more may be waiting right now.
        var position = items.Count > 0 ? items[^1].Cursor : after;
        if (items.Count == size)
        {
            var query2 = string.Join('&', http.Request.Query.Where(q => q.Key != "after")
                .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
                .Append("after=" + Uri.EscapeDataString(position!)));
            http.Response.Headers.Append("Link", $"<{http.Request.Path}?{query2}>; rel=\"next\"");
        }

        return TypedResults.Ok(new Page<EventView>(items, position));
    }
}
