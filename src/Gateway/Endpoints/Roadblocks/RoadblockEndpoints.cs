using System.Security.Claims;
using MarketingDev.Gateway.Endpoints.Requests;
using MarketingDev.Gateway.Http;
using MarketingDev.Gateway.Idempotency;
using MarketingDev.Gateway.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Gateway.Endpoints.Roadblocks;

public sealed record RoadblockBody(string Description, [WireEnum(RoadblockSets.Severities)] string Severity = "medium");

public sealed record ResolveBody(string Resolution);

public sealed record RoadblockView(
    Guid Id, Guid RequestId, string RequestKey, string RequestTitle, string Description, [WireEnum(RoadblockSets.Severities)] string Severity,
    [WireEnum(RoadblockSets.Statuses)] string Status,
    string RaisedBy, DateTimeOffset RaisedAt, string? Resolution, string? ResolvedBy, DateTimeOffset? ResolvedAt);

internal static class RoadblockSets
{
    public const string Severities = "low,medium,high";
    public const string Statuses = "open,resolved";
}

internal static class RoadblockEndpoints
{
    public static void MapRoadblockEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/requests/{id:guid}/roadblocks", RaiseAsync).WithTags("Roadblocks").WithName("RaiseRoadblock")
            .WithMetadata(new IdempotentAttribute())
            .WithSummary("Flag a technical roadblock on a request: { description, severity: low|medium|high } (developers, leads, admins).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        var roadblocks = app.MapGroup("/api/v1/roadblocks").WithTags("Roadblocks");
        roadblocks.MapPost("/{rid:guid}/resolve", ResolveAsync).WithName("ResolveRoadblock")
            .WithSummary("Resolve a roadblock: { resolution }.").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        roadblocks.MapGet("/", ListAsync).WithName("ListRoadblocks")
            .WithSummary("Roadblocks, newest first; ?status=open|resolved, cursor pagination.");
    }

    private static RoadblockView ToView(Proto.Roadblock r) => new(
        Guid.Parse(r.Id), Guid.Parse(r.RequestId), r.RequestKey, r.RequestTitle, r.Description, RequestsMapping.Wire(r.Severity), RequestsMapping.Wire(r.Status), r.RaisedBy,
        r.RaisedAt.ToDateTimeOffset(), r.Resolution.Length == 0 ? null : r.Resolution, r.ResolvedBy.Length == 0 ? null : r.ResolvedBy,
        r.ResolvedAt?.ToDateTimeOffset());

    private static async Task<Created<RoadblockView>> RaiseAsync(
        Guid id, RoadblockBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, CancellationToken ct)
    {
        var raised = await requests.RaiseRoadblockAsync(new Proto.RaiseRoadblockCommand
        {
            RequestId = id.ToString(), Description = body.Description, Severity = RequestsMapping.Parse<Proto.RoadblockSeverity>(body.Severity),
        }, cancellationToken: ct);
        return TypedResults.Created($"/api/v1/roadblocks?status=open", ToView(raised));
    }

    private static async Task<Ok<RoadblockView>> ResolveAsync(
        Guid rid, ResolveBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, CancellationToken ct) =>
        TypedResults.Ok(ToView(await requests.ResolveRoadblockAsync(new Proto.ResolveRoadblockCommand
        {
            RoadblockId = rid.ToString(), Resolution = body.Resolution,
        }, cancellationToken: ct)));

    private static async Task<Ok<Page<RoadblockView>>> ListAsync(
        Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct,
        [FromQuery, WireEnum(RoadblockSets.Statuses)] string? status = null, [FromQuery] int? limit = null, [FromQuery] string? cursor = null)
    {
        var query = new Proto.ListRoadblocksQuery { Status = RequestsMapping.Parse<Proto.RoadblockStatus>(status), Cursor = cursor ?? "" };
        if (limit is { } size)
        {
            query.Limit = size;
        }

        var page = await requests.ListRoadblocksAsync(query, cancellationToken: ct);
        var next = page.NextCursor.Length == 0 ? null : page.NextCursor;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new Page<RoadblockView>(page.Items.Select(ToView).ToList(), next));
    }
}
