using System.Security.Claims;
using MarketingDev.Gateway.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Gateway.Endpoints.Requests;

internal static class ClarificationEndpoints
{
    public static void MapClarificationEndpoints(this IEndpointRouteBuilder app)
    {
        var clarifications = app.MapGroup("/api/v1/requests/{id:guid}/clarifications").WithTags("Clarifications");
        clarifications.MapPost("/", AskAsync).WithName("AskClarification").WithMetadata(new IdempotentAttribute())
            .WithSummary("Ask the requester a clarifying question (developers, leads, admins).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        clarifications.MapPost("/{cid:guid}/answer", AnswerAsync).WithName("AnswerClarification")
            .WithSummary("Answer a clarifying question (the requester, leads, admins).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        clarifications.MapGet("/", ListAsync).WithName("ListClarifications").WithSummary("The request's questions and answers, oldest first.");
    }

    private static async Task<Created<ClarificationView>> AskAsync(
        Guid id, ClarificationBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, CancellationToken ct)
    {
        var asked = await requests.AskClarificationAsync(
            new Proto.AskClarificationCommand { RequestId = id.ToString(), Question = body.Question }, cancellationToken: ct);
        return TypedResults.Created($"/api/v1/requests/{id}/clarifications", asked.ToView());
    }

    private static async Task<Ok<ClarificationView>> AnswerAsync(
        Guid id, Guid cid, AnswerBody body, ClaimsPrincipal user, Proto.Requests.RequestsClient requests, CancellationToken ct) =>
        TypedResults.Ok((await requests.AnswerClarificationAsync(new Proto.AnswerClarificationCommand
        {
            RequestId = id.ToString(), ClarificationId = cid.ToString(), Answer = body.Answer,
        }, cancellationToken: ct)).ToView());

    private static async Task<Ok<List<ClarificationView>>> ListAsync(Guid id, Proto.Requests.RequestsClient requests, CancellationToken ct) =>
        TypedResults.Ok((await requests.ListClarificationsAsync(new Proto.GetRequestQuery { Id = id.ToString() }, cancellationToken: ct))
            .Items.Select(c => c.ToView()).ToList());
}
