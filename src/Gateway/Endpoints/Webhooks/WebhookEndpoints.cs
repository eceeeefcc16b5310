using System.Security.Claims;
using FluentValidation;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Data;
using MarketingDev.Gateway.Endpoints.Events;
using MarketingDev.Gateway.Errors;
using MarketingDev.Gateway.Http;
using MarketingDev.Gateway.Webhooks;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MarketingDev.Gateway.Endpoints.Webhooks;

internal static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin)
            .ProducesProblem(401).ProducesProblem(403);
        hooks.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Register a webhook (admin); the signing secret (whsec_…) is in this answer only.")
            .ProducesValidationProblem();
        hooks.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("List webhooks, without secrets (admin).");
        hooks.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("One webhook, without its secret (admin).").ProducesProblem(404);
        hooks.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateWebhook")
            .WithSummary("Change a webhook's url, events, format, description or enabled (admin); absent fields keep their value.")
            .ProducesValidationProblem().ProducesProblem(404);
        hooks.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook")
            .WithSummary("Delete a webhook and its deliveries (admin).").ProducesProblem(404);
        hooks.MapPost("/{id:guid}/rotate-secret", RotateAsync).WithName("RotateWebhookSecret")
            .WithSummary("New signing secret, in this answer only; the old one keeps signing beside it for 24 h (admin).").ProducesProblem(404);
        hooks.MapPost("/{id:guid}/test", PingAsync).WithName("TestWebhook")
            .WithSummary("Queue a webhook.ping delivery to the webhook (admin).").ProducesProblem(404);
        hooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("A webhook's deliveries, newest first, with every attempt (status, latency, response snippet); cursor paging (admin).")
            .ProducesValidationProblem().ProducesProblem(404);
        hooks.MapPost("/deliveries/{id:guid}/replay", ReplayAsync).WithName("ReplayWebhookDelivery")
            .WithSummary("Send a delivery's event again, with the same webhook-id, as a new delivery (admin).").ProducesProblem(404);
    }

    private static async Task<Created<CreatedWebhook>> CreateAsync(
        CreateWebhookBody body, ClaimsPrincipal user, GatewayDbContext db, WebhookSecrets secrets, [FromServices] IValidator<CreateWebhookBody> validator,
        TimeProvider clock, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(body, ct);

        var now = clock.GetStoredUtcNow();
        var secret = WebhookSecrets.Generate();
        var webhook = new Webhook
        {
            Id = Guid.CreateVersion7(now),
            Url = body.Url,
            Events = [.. body.Events.Distinct()],
            Format = body.Format ?? "json",
            Description = body.Description,
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = now,
            CreatedBy = user.PrincipalName(),
            UpdatedAt = now,
        };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/webhooks/{webhook.Id}", new CreatedWebhook(ToView(webhook), secret));
    }

    private static async Task<Ok<List<WebhookView>>> ListAsync(GatewayDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Webhooks.AsNoTracking().OrderBy(w => w.CreatedAt).ToListAsync(ct)).Select(ToView).ToList());

    private static async Task<Results<Ok<WebhookView>, NotFound>> GetAsync(Guid id, GatewayDbContext db, CancellationToken ct) =>
        await db.Webhooks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct) is { } webhook
            ? TypedResults.Ok(ToView(webhook))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<WebhookView>, NotFound>> UpdateAsync(
        Guid id, UpdateWebhookBody body, GatewayDbContext db, [FromServices] IValidator<UpdateWebhookBody> validator, TimeProvider clock, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(body, ct);
        if (await db.Webhooks.SingleOrDefaultAsync(w => w.Id == id, ct) is not { } webhook)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetStoredUtcNow();
        webhook.Url = body.Url ?? webhook.Url;
        webhook.Events = body.Events is null ? webhook.Events : [.. body.Events.Distinct()];
        webhook.Format = body.Format ?? webhook.Format;
        webhook.Description = body.Description ?? webhook.Description;
        switch (body.Enabled)
        {
            case true when !webhook.Enabled:
                webhook.Enable(now);
                break;
            case false:
                webhook.Enabled = false;
                break;
        }

        webhook.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToView(webhook));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, GatewayDbContext db, CancellationToken ct) =>
        await db.Webhooks.Where(w => w.Id == id).ExecuteDeleteAsync(ct) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();

    private static async Task<Results<Ok<RotatedSecret>, NotFound>> RotateAsync(
        Guid id, GatewayDbContext db, WebhookSecrets secrets, TimeProvider clock, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        if (await db.Webhooks.SingleOrDefaultAsync(w => w.Id == id, ct) is not { } webhook)
        {
            return TypedResults.NotFound();
        }

        var secret = WebhookSecrets.Generate();
        webhook.Rotate(secrets.Protect(secret), clock.GetStoredUtcNow(), options.Value.RotationGrace);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RotatedSecret(webhook.Id, secret, webhook.PreviousSecretExpiresAt!.Value));
    }

    private static async Task<Results<Accepted<DeliveryQueued>, NotFound>> PingAsync(
        Guid id, GatewayDbContext db, DeliverySignal signal, TimeProvider clock, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        if (!await db.Webhooks.AnyAsync(w => w.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetStoredUtcNow();
        var delivery = WebhookDelivery.For(id, Guid.CreateVersion7(now), WebhookPayloads.PingType, now, WebhookPayloads.PingPayload(id, now),
            now, options.Value.RetryWindow);
        return await QueueAsync(db, signal, delivery, ct);
    }

    private static async Task<Results<Accepted<DeliveryQueued>, NotFound>> ReplayAsync(
        Guid id, GatewayDbContext db, DeliverySignal signal, TimeProvider clock, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        if (await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is not { } original)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetStoredUtcNow();
        var replay = WebhookDelivery.For(original.WebhookId, original.EventId, original.EventType, original.OccurredAt, original.Payload,
            now, options.Value.RetryWindow, replayOf: original.Id);
        return await QueueAsync(db, signal, replay, ct);
    }

    private static async Task<Results<Accepted<DeliveryQueued>, NotFound>> QueueAsync(
        GatewayDbContext db, DeliverySignal signal, WebhookDelivery delivery, CancellationToken ct)
    {
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        signal.Signal.Notify();
        return TypedResults.Accepted($"/api/v1/webhooks/{delivery.WebhookId}/deliveries", new DeliveryQueued(delivery.Id, delivery.EventId));
    }

    private static async Task<Results<Ok<Page<DeliveryView>>, NotFound>> DeliveriesAsync(
        Guid id, GatewayDbContext db, HttpContext http, CancellationToken ct, [FromQuery] string? cursor = null, [FromQuery] int? limit = null)
    {
        var size = FeedCursor.Limit(limit, 25, 100, "#/limit");
        var before = cursor is null ? long.MaxValue : FeedCursor.Decode(cursor, "#/cursor");
        if (!await db.Webhooks.AnyAsync(w => w.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Attempts)
            .Where(d => d.WebhookId == id && d.Sequence < before)
            .OrderByDescending(d => d.Sequence).Take(size + 1).ToListAsync(ct);
        var next = rows.Count > size ? FeedCursor.Encode(rows[size - 1].Sequence) : null;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new Page<DeliveryView>(rows.Take(size).Select(ToView).ToList(), next));
    }

    internal static WebhookView ToView(Webhook w) => new(
        w.Id, w.Url, w.Events, w.Format, w.Description, w.Enabled, w.ConsecutiveFailures, w.DisabledReason, w.PreviousSecretExpiresAt,
        w.CreatedAt, w.CreatedBy, w.UpdatedAt);

    private static DeliveryView ToView(WebhookDelivery d) => new(
        d.Id, d.WebhookId, d.EventId, d.EventType, d.Status, d.AttemptCount, d.CreatedAt,
        d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.CompletedAt, d.LastError, d.ReplayOf,
        d.Attempts.OrderBy(a => a.Number).Select(a => new AttemptView(a.Number, a.AttemptedAt, a.StatusCode, a.LatencyMs, a.ResponseSnippet, a.Error)).ToList());
}
