using Grpc.Core;
using MarketingDev.Gateway.Errors;

namespace MarketingDev.Gateway.Http;

/// <summary>
/// Answers a stale If-Match with 412 and the current ETag. It runs as an endpoint filter because the exception-handler
/// middleware strips ETag from the responses it writes.
/// </summary>
internal sealed class PreconditionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RpcException rpc) when (rpc.StatusCode == StatusCode.Aborted && RichStatus.CurrentVersion(rpc) is { } current)
        {
            context.HttpContext.Response.Headers.ETag = ETags.For(current);
            var problem = ProblemCatalogue.PreconditionFailed.Create(rpc.Status.Detail);
            return TypedResults.Problem(problem);
        }
    }
}

internal static class PreconditionFilterExtensions
{
    /// <summary>Marks a write that honours If-Match (documented in OpenAPI) and answers a stale one with 412 + ETag.</summary>
    public static RouteHandlerBuilder Conditional(this RouteHandlerBuilder route) =>
        route.WithMetadata(new ConditionalWriteAttribute()).AddEndpointFilter<PreconditionFilter>();
}
