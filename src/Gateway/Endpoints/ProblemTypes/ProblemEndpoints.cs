using MarketingDev.Gateway.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MarketingDev.Gateway.Endpoints.ProblemTypes;

/// <summary>One problem type as listed by GET /api/v1/problems.</summary>
public sealed record ProblemTypeView(string Type, string Title, int Status, string When);

internal static class ProblemEndpoints
{
    public static void MapProblemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/problems", List).WithTags("Problems").WithName("ListProblemTypes")
            .WithSummary("Every problem type (RFC 9457 'type') the API answers with: its URI, title, status and when it happens.")
            .Produces<IReadOnlyList<ProblemTypeView>>().ProducesProblem(401).ProducesProblem(429);
    }

    private static Ok<List<ProblemTypeView>> List() =>
        TypedResults.Ok(ProblemCatalogue.All.Select(p => new ProblemTypeView(p.Type, p.Title, p.Status, p.When)).ToList());
}
