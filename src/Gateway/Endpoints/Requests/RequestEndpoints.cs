using System.Security.Claims;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Http;
using MarketingDev.Gateway.Idempotency;
using MarketingDev.Gateway.OpenApi;
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
            .WithSummary("Get a request; its ETag is its version (If-None-Match: 304 when unchanged).")
            .Produces<RequestView>().Produces(StatusCodes.Status304NotModified).ProducesProblem(404);
        requests.MapGet("/", ListAsync).WithName("ListRequests")
            .WithSummary("List requests, newest first, a page at a time (limit 1-100, default 25; pass nextCursor back as cursor). " +
                         "Filters: status, type, priority, launchFrom/launchTo (yyyy-MM-dd, inclusive), q (words in the title or user story).");
        requests.MapGet("/{id:guid}/tracking-plan", TrackingPlan.GetAsync).WithName("GetTrackingPlan")
            .WithSummary("The request's GA4 measurement plan: JSON, or CSV (one row per event and parameter) with Accept: text/csv.")
            .Produces<TrackingPlanView>(200, "application/json", "text/csv");
        requests.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateRequest").Conditional()
            .WithSummary("Replace a request's content (the requester on drafts; leads and admins while open). If-Match: 412 when stale.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        requests.MapGet("/{id:guid}/readiness", ReadinessAsync).WithName("GetReadiness")
            .WithSummary("Lint a stored request: score 0-100, ready, findings with stable codes and JSON-pointer paths.");
        requests.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitRequest").Conditional()
            .WithSummary("Submit a draft; 422 with the findings while an error finding remains.")
            .ProducesProblem(403).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422);
        requests.MapPost("/{id:guid}/transitions", TransitionAsync).WithName("TransitionRequest").Conditional()
            .WithSummary("Move a request: { to, reason }. Reasons are required to return, reopen and reject; 409 lists the allowed moves.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422);
        requests.MapPut("/{id:guid}/estimate", EstimateAsync).WithName("EstimateRequest").Conditional()
            .WithSummary("Size a request (developers, leads, admins): { size: xs|s|m|l|xl, days, quickWin }.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409).ProducesProblem(412);
        requests.MapGet("/{id:guid}/history", HistoryAsync).WithName("GetRequestHistory")
            .WithSummary("Every change to the request, oldest first, with actor, time and reason.");
        app.MapPost("/api/v1/readiness", LintAsync).WithTags("Requests").WithName("CheckReadiness")
            .WithSummary("Lint a request body without saving it.").ProducesValidationProblem();
    }

    private static Ok<RequestView> Changed(Proto.RequestReply reply, HttpContext http)
    {
        http.Response.Headers.ETag = ETags.For(reply.Request.Version);
        return TypedResults.Ok(reply.Request.ToView());
    }

    private static async Task<Ok<RequestView>> UpdateAsync(
        Guid id, RequestBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct) =>
        Changed(await requests.UpdateRequestAsync(new Proto.UpdateRequestCommand
        {
            Id = id.ToString(), Content = body.ToProto(), ExpectedVersion = ETags.ExpectedVersion(http.Request) ?? 0,
        }, cancellationToken: ct), http);

    private static async Task<Ok<ReadinessView>> ReadinessAsync(Guid id, Proto.Requests.RequestsClient requests, CancellationToken ct) =>
        TypedResults.Ok((await requests.GetReadinessAsync(new Proto.GetRequestQuery { Id = id.ToString() }, cancellationToken: ct)).ToView());

    private static async Task<Ok<ReadinessView>> LintAsync(RequestBody body, Proto.Requests.RequestsClient requests, CancellationToken ct) =>
        TypedResults.Ok((await requests.CheckReadinessAsync(new Proto.CheckReadinessQuery { Content = body.ToProto() }, cancellationToken: ct)).ToView());

    private static async Task<Ok<RequestView>> SubmitAsync(
        Guid id, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct) =>
        Changed(await requests.SubmitRequestAsync(new Proto.SubmitRequestCommand
        {
            Id = id.ToString(), ExpectedVersion = ETags.ExpectedVersion(http.Request) ?? 0,
        }, cancellationToken: ct), http);

    private static async Task<Ok<RequestView>> TransitionAsync(
        Guid id, TransitionBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct) =>
        Changed(await requests.TransitionRequestAsync(new Proto.TransitionRequestCommand
        {
            Id = id.ToString(), To = RequestsMapping.Parse<Proto.RequestStatus>(body.To), Reason = body.Reason ?? "", ExpectedVersion = ETags.ExpectedVersion(http.Request) ?? 0,
        }, cancellationToken: ct), http);

    private static async Task<Ok<RequestView>> EstimateAsync(
        Guid id, EstimateBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct)
    {
        var command = new Proto.EstimateRequestCommand
        {
            Id = id.ToString(), Estimate = new Proto.Estimate { Size = RequestsMapping.Parse<Proto.EstimateSize>(body.Size), Days = body.Days },
            ExpectedVersion = ETags.ExpectedVersion(http.Request) ?? 0,
        };
        if (body.QuickWin is { } quickWin)
        {
            command.QuickWin = quickWin;
        }

        return Changed(await requests.EstimateRequestAsync(command, cancellationToken: ct), http);
    }

    private static async Task<Ok<List<HistoryEntryView>>> HistoryAsync(Guid id, Proto.Requests.RequestsClient requests, CancellationToken ct) =>
        TypedResults.Ok((await requests.GetHistoryAsync(new Proto.GetRequestQuery { Id = id.ToString() }, cancellationToken: ct)).Entries.Select(e => e.ToView()).ToList());

    private static async Task<Created<RequestView>> DraftAsync(
        RequestBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct)
    {
        var reply = await requests.DraftRequestAsync(
            new Proto.DraftRequestCommand { Content = body.ToProto() }, cancellationToken: ct);
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
        [FromQuery] int? limit = null, [FromQuery] string? cursor = null, [FromQuery, WireEnum(RequestSets.Statuses)] string? status = null, [FromQuery, WireEnum(RequestSets.Types)] string? type = null,
        [FromQuery, WireEnum(RequestSets.Priorities)] string? priority = null, [FromQuery] string? launchFrom = null, [FromQuery] string? launchTo = null, [FromQuery] string? q = null)
    {
        var query = new Proto.ListRequestsQuery
        {
            Cursor = cursor ?? "", Status = RequestsMapping.Parse<Proto.RequestStatus>(status), Type = RequestsMapping.Parse<Proto.RequestType>(type),
            Priority = RequestsMapping.Parse<Proto.Priority>(priority), LaunchFrom = RequestsMapping.ParseDate(launchFrom),
            LaunchTo = RequestsMapping.ParseDate(launchTo), Q = q ?? "",
        };
        if (limit is { } size)
        {
            query.Limit = size;
        }

        var reply = await requests.ListRequestsAsync(query, cancellationToken: ct);
        var next = reply.NextCursor.Length == 0 ? null : reply.NextCursor;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new Page<RequestView>(reply.Items.Select(r => r.ToView()).ToList(), next));
    }
}
