using System.Diagnostics;
using System.Security.Claims;
using Grpc.Core;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.ServiceDefaults.Messaging;

namespace MarketingDev.Gateway.Auth;

/// <summary>
/// Every gRPC call the Gateway makes carries a service token with the actor it authenticated (API key or sign-in),
/// so services take the actor from a credential they verify, never from a message field.
/// </summary>
internal static class ActorTokens
{
    public static Actor? ActorOf(ClaimsPrincipal? user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
        && WireName.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role)
            ? new Actor(id, user.Identity?.Name ?? "", role)
            : null;

    public static Task AttachAsync(AuthInterceptorContext _, Metadata metadata, IServiceProvider services)
    {
        var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext;
        if (http?.Items[Idempotency.IdempotencyMiddleware.ServiceIdempotencyItem] is string idempotencyKey)
        {
            metadata.Add(CallHeaders.IdempotencyKey, idempotencyKey);
        }

        // The trace context travels with the call whatever HTTP handler carries it (SocketsHttpHandler leaves a traceparent
        // that is already there alone; a custom or in-process handler would otherwise drop it).
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent } activity)
        {
            metadata.Add(MessageTracing.TraceParentHeader, traceParent);
            if (!string.IsNullOrEmpty(activity.TraceStateString))
            {
                metadata.Add(MessageTracing.TraceStateHeader, activity.TraceStateString);
            }
        }

        if (ActorOf(http?.User) is { } actor)
        {
            var token = services.GetRequiredService<ServiceTokens>().Sign(actor, services.GetRequiredService<TimeProvider>().GetUtcNow());
            metadata.Add("Authorization", "Bearer " + token);
        }

        return Task.CompletedTask;
    }
}
