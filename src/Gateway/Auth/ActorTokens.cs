using System.Security.Claims;
using Grpc.Core;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;

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

        if (ActorOf(http?.User) is { } actor)
        {
            var token = services.GetRequiredService<ServiceTokens>().Sign(actor, services.GetRequiredService<TimeProvider>().GetUtcNow());
            metadata.Add("Authorization", "Bearer " + token);
        }

        return Task.CompletedTask;
    }
}
