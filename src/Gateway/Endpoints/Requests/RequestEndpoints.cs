using System.Security.Claims;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Http;
using MarketingDev.Gateway.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Gateway.Endpoints.Requests;

internal static class RequestEndpoints
{
    public static void MapRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/v1/requests").WithTags("Requests");
        requests.MapPost("/", DraftAsync).WithName("DraftRequest").RequireAuthorization(Policies.Author)
            .WithMetadata(new IdempotentAttribute())
            .WithSummary("Draft a request (marketing, lead, admin). Only the title is required; the requester is the caller.")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        requests.MapGet("/{id:guid}", GetAsync).WithName("GetRequest")
            .WithSummary("Get a request; its ETag is its version.").ProducesProblem(404);
        requests.MapGet("/", ListAsync).WithName("ListRequests")
            .WithSummary("List requests, newest first, a page at a time (limit 1-100, default 25; pass nextCursor back as cursor).");
    }

    private static async Task<Created<RequestView>> DraftAsync(
        RequestBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct)
    {
        var reply = await requests.DraftRequestAsync(
            new Proto.DraftRequestCommand { Content = body.ToProto(), Requester = user.PrincipalName() }, cancellationToken: ct);
        http.Response.Headers.ETag = ETags.For(reply.Request.Version);
        return TypedResults.Created($"/api/v1/requests/{reply.Request.Id}", reply.Request.ToView());
    }

    private static async Task<Results<Ok<RequestView>, StatusCodeHttpResult>> GetAsync(
        Guid id, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct)
    {
        var reply = await requests.GetRequestAsync(new Proto.GetRequestQuery { Id = id.ToString() }, cancellationToken: ct);
        http.Response.Headers.ETag = ETags.For(reply.Request.Version);
        if (ETags.NotModified(http.Request, reply.Request.Version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(reply.Request.ToView());
    }

    private static async Task<Ok<Page<RequestView>>> ListAsync(
        Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct,
        [FromQuery] int? limit = null, [FromQuery] string? cursor = null)
    {
        var reply = await requests.ListRequestsAsync(
            new Proto.ListRequestsQuery { Limit = Paging.Limit(limit), Cursor = cursor ?? "" }, cancellationToken: ct);
        var next = reply.NextCursor.Length == 0 ? null : reply.NextCursor;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new Page<RequestView>(reply.Items.Select(r => r.ToView()).ToList(), next));
    }
}
