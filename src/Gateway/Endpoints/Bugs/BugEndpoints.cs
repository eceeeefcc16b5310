using System.Security.Claims;
using MarketingDev.Gateway.Endpoints.Requests;
using MarketingDev.Gateway.Http;
using MarketingDev.Gateway.Idempotency;
using MarketingDev.Gateway.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Gateway.Endpoints.Bugs;

public sealed record BugEnvironmentDto(string Url = "", string Browser = "", string Os = "", string Device = "");

public sealed record BugBody(
    string Title,
    [WireEnum(BugSets.Severities)] string Severity,
    Guid? RequestId = null,
    IReadOnlyList<string>? StepsToReproduce = null,
    string Expected = "",
    string Actual = "",
    BugEnvironmentDto? Environment = null,
    IReadOnlyList<string>? Evidence = null);

public sealed record BugTransitionBody([WireEnum(BugSets.Statuses)] string To, string? Reason = null);

/// <summary>A bug as returned: the report, its status, and the lint of the report (what would make it easier to act on).</summary>
public sealed record BugView(
    Guid Id, string Key, Guid? RequestId, string Title, IReadOnlyList<string> StepsToReproduce, string Expected, string Actual,
    BugEnvironmentDto Environment, [WireEnum(BugSets.Severities)] string Severity, IReadOnlyList<string> Evidence,
    [WireEnum(BugSets.Statuses)] string Status, string ReportedBy,
    DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, int Version, IReadOnlyList<FindingView> Lint);

internal static class BugSets
{
    public const string Severities = "low,medium,high,critical";
    public const string Statuses = "open,fixed,verified,wontFix";
}

internal static class BugEndpoints
{
    public static void MapBugEndpoints(this IEndpointRouteBuilder app)
    {
        var bugs = app.MapGroup("/api/v1/bugs").WithTags("Bugs");
        bugs.MapPost("/", ReportAsync).WithName("ReportBug").WithMetadata(new IdempotentAttribute())
            .WithSummary("Report a bug, optionally linked to the request it breaks; the answer includes the report's lint.")
            .ProducesValidationProblem();
        bugs.MapGet("/{id:guid}", GetAsync).WithName("GetBug").WithSummary("Get a bug report with its status and lint.").ProducesProblem(404);
        bugs.MapGet("/", ListAsync).WithName("ListBugs").WithSummary("Bugs, newest first; ?requestId=&status=open|fixed|verified|wontFix, cursor pagination.");
        bugs.MapPost("/{id:guid}/transitions", TransitionAsync).WithName("TransitionBug").Conditional()
            .WithSummary("open → fixed → verified, open → wontFix (reason), fixed → open (reason).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409).ProducesProblem(412);
    }

    private static BugView ToView(Proto.BugReply reply) => ToView(reply.Bug, reply.Lint);

    private static BugView ToView(Proto.Bug b, IEnumerable<Proto.ReadinessFinding>? lint = null)
    {
        var c = b.Content;
        return new BugView(Guid.Parse(b.Id), b.Key, c.RequestId.Length == 0 ? null : Guid.Parse(c.RequestId), c.Title, c.StepsToReproduce.ToList(),
            c.Expected, c.Actual, new BugEnvironmentDto(c.Environment.Url, c.Environment.Browser, c.Environment.Os, c.Environment.Device),
            RequestsMapping.Wire(c.Severity), c.Evidence.ToList(), RequestsMapping.Wire(b.Status), b.ReportedBy, b.ReportedAt.ToDateTimeOffset(), b.UpdatedAt.ToDateTimeOffset(), b.Version,
            (lint ?? []).Select(f => f.ToView()).ToList());
    }

    private static async Task<Created<BugView>> ReportAsync(BugBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct)
    {
        var environment = body.Environment ?? new BugEnvironmentDto();
        var content = new Proto.BugContent
        {
            RequestId = body.RequestId?.ToString() ?? "",
            Title = body.Title,
            Expected = body.Expected,
            Actual = body.Actual,
            Severity = RequestsMapping.Parse<Proto.BugSeverity>(body.Severity),
            Environment = new Proto.BugEnvironment { Url = environment.Url, Browser = environment.Browser, Os = environment.Os, Device = environment.Device },
        };
        content.StepsToReproduce.AddRange(body.StepsToReproduce ?? []);
        content.Evidence.AddRange(body.Evidence ?? []);
        var reply = await requests.ReportBugAsync(new Proto.ReportBugCommand { Content = content }, cancellationToken: ct);
        http.Response.Headers.ETag = ETags.For(reply.Bug.Version);
        return TypedResults.Created($"/api/v1/bugs/{reply.Bug.Id}", ToView(reply));
    }

    private static async Task<Ok<BugView>> GetAsync(Guid id, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct)
    {
        var reply = await requests.GetBugAsync(new Proto.GetBugQuery { Id = id.ToString() }, cancellationToken: ct);
        http.Response.Headers.ETag = ETags.For(reply.Bug.Version);
        return TypedResults.Ok(ToView(reply));
    }

    private static async Task<Ok<Page<BugView>>> ListAsync(
        Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct,
        [FromQuery] Guid? requestId = null, [FromQuery, WireEnum(BugSets.Statuses)] string? status = null, [FromQuery] int? limit = null, [FromQuery] string? cursor = null)
    {
        var query = new Proto.ListBugsQuery { RequestId = requestId?.ToString() ?? "", Status = RequestsMapping.Parse<Proto.BugStatus>(status), Cursor = cursor ?? "" };
        if (limit is { } size)
        {
            query.Limit = size;
        }

        var page = await requests.ListBugsAsync(query, cancellationToken: ct);
        var next = page.NextCursor.Length == 0 ? null : page.NextCursor;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new Page<BugView>(page.Items.Select(b => ToView(b)).ToList(), next));
    }

    private static async Task<Ok<BugView>> TransitionAsync(
        Guid id, BugTransitionBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct)
    {
        var reply = await requests.TransitionBugAsync(new Proto.TransitionBugCommand
        {
            Id = id.ToString(), To = RequestsMapping.Parse<Proto.BugStatus>(body.To), Reason = body.Reason ?? "",
            ExpectedVersion = ETags.ExpectedVersion(http.Request) ?? 0,
        }, cancellationToken: ct);
        http.Response.Headers.ETag = ETags.For(reply.Bug.Version);
        return TypedResults.Ok(ToView(reply));
    }
}
