using MarketingDev.Contracts.Grpc;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Errors;
using MarketingDev.Gateway.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Proto = MarketingDev.Contracts.Grpc.Metrics;

namespace MarketingDev.Gateway.Endpoints.Metrics;

internal static class MetricsEndpoints
{
    public static void MapMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        var metrics = app.MapGroup("/api/v1/metrics").WithTags("Metrics");
        metrics.MapGet("/summary", SummaryAsync).WithName("GetMetricsSummary")
            .WithSummary("Every metric over [from, to) (ISO 8601; default the 90 days up to now), optionally for a team and request type, " +
                         "with its change against the previous period of equal length (compare=previous) or the baseline (compare=baseline).")
            .Produces<SummaryView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(503);
        metrics.MapGet("/timeseries", TimeseriesAsync).WithName("GetMetricsTimeseries")
            .WithSummary("One metric per week (from Monday, UTC) or month over [from, to), for charts.")
            .Produces<TimeseriesView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(503);
        metrics.MapGet("/scorecard", ScorecardAsync).WithName("GetMetricsScorecard")
            .WithSummary("Each promise of the practice: promised change, measured change from the baseline to [from, to) (default the last 90 days), met or not.")
            .Produces<ScorecardView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(503);
        metrics.MapPut("/baseline", SetBaselineAsync).WithName("SetMetricsBaseline").RequireAuthorization(Policies.Admin)
            .WithSummary("Set the baseline period { from, to } that compare=baseline and the scorecard measure against (admin).")
            .Produces<BaselineView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(503);
        metrics.MapPost("/rebuild", RebuildAsync).WithName("RebuildMetrics").RequireAuthorization(Policies.Admin)
            .WithSummary("Truncate the projections and replay every stored event in order (admin); the numbers come out the same.")
            .Produces<RebuildView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(503);

        app.MapPost("/api/v1/surveys/responses", SurveyAsync).WithTags("Metrics").WithName("RecordSurveyResponse")
            .WithMetadata(new IdempotentAttribute())
            .WithSummary("Answer the pulse survey anonymously: { function, scores: { communication, clarity, trust, speed } 1-5, comment? }.")
            .Produces<SurveyResponseView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(503);
        app.MapPost("/api/v1/outcomes", OutcomeAsync).WithTags("Metrics").WithName("RecordOutcome").RequireAuthorization(Policies.Author)
            .WithMetadata(new IdempotentAttribute())
            .WithSummary("Record a measured business KPI of an initiative (marketing, lead, admin): { requestId, kpi, baseline, target, actual, measuredAt }.")
            .Produces<OutcomeView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(503);

        // The page holds no data (it asks for a key and reads the API), so it is open like the API document.
        app.MapGet("/dashboard", () => TypedResults.Content(DashboardPage.Html, "text/html; charset=utf-8")).WithTags("Metrics").WithName("MetricsDashboard")
            .WithSummary("The metrics dashboard: charts per week and baseline vs now, drawn from the public API.")
            .AllowAnonymous().ExcludeFromDescription(); // A page for people, not part of the API contract.
    }

    private static async Task<Ok<SummaryView>> SummaryAsync(
        Proto.Metrics.MetricsClient metrics, CancellationToken ct, [FromQuery] DateTimeOffset? from = null, [FromQuery] DateTimeOffset? to = null,
        [FromQuery] string? team = null, [FromQuery] string? type = null, [FromQuery] string? compare = null)
    {
        var query = new Proto.GetSummaryQuery
        {
            From = from.ToProto(),
            To = to.ToProto(),
            Compare = MetricsMapping.ParseCompare(compare) ?? throw Invalid("#/compare", "Compare must be previous or baseline."),
        };
        if (team is not null)
        {
            query.Team = team;
        }

        if (type is not null)
        {
            query.Type = type;
        }

        return TypedResults.Ok((await metrics.GetSummaryAsync(query, cancellationToken: ct)).ToView());
    }

    private static async Task<Ok<TimeseriesView>> TimeseriesAsync(
        Proto.Metrics.MetricsClient metrics, CancellationToken ct, [FromQuery] string? metric = null, [FromQuery] string? interval = null,
        [FromQuery] DateTimeOffset? from = null, [FromQuery] DateTimeOffset? to = null, [FromQuery] string? team = null, [FromQuery] string? type = null)
    {
        var query = new Proto.GetTimeseriesQuery
        {
            Metric = metric ?? "",
            Interval = interval is null ? Proto.Interval.Week : MetricsMapping.ParseInterval(interval),
            From = from.ToProto(),
            To = to.ToProto(),
        };
        if (team is not null)
        {
            query.Team = team;
        }

        if (type is not null)
        {
            query.Type = type;
        }

        return TypedResults.Ok((await metrics.GetTimeseriesAsync(query, cancellationToken: ct)).ToView());
    }

    private static async Task<Ok<ScorecardView>> ScorecardAsync(
        Proto.Metrics.MetricsClient metrics, CancellationToken ct, [FromQuery] DateTimeOffset? from = null, [FromQuery] DateTimeOffset? to = null) =>
        TypedResults.Ok((await metrics.GetScorecardAsync(new Proto.GetScorecardQuery { From = from.ToProto(), To = to.ToProto() }, cancellationToken: ct)).ToView());

    private static async Task<Ok<BaselineView>> SetBaselineAsync(BaselineBody body, Proto.Metrics.MetricsClient metrics, CancellationToken ct) =>
        TypedResults.Ok((await metrics.SetBaselineAsync(new Proto.SetBaselineCommand { From = body.From.ToProto(), To = body.To.ToProto() }, cancellationToken: ct)).ToView());

    private static async Task<Ok<RebuildView>> RebuildAsync(Proto.Metrics.MetricsClient metrics, CancellationToken ct)
    {
        var result = await metrics.RebuildAsync(new Proto.RebuildCommand(), cancellationToken: ct);
        return TypedResults.Ok(new RebuildView(result.Events, result.Streams));
    }

    private static async Task<Created<SurveyResponseView>> SurveyAsync(SurveyResponseBody body, Proto.Metrics.MetricsClient metrics, CancellationToken ct)
    {
        var command = new Proto.RecordSurveyResponseCommand
        {
            Function = MetricsMapping.ParseFunction(body.Function),
            Scores = new Proto.SurveyScores
            {
                Communication = body.Scores.Communication, Clarity = body.Scores.Clarity, Trust = body.Scores.Trust, Speed = body.Scores.Speed,
            },
        };
        if (body.Comment is not null)
        {
            command.Comment = body.Comment;
        }

        var reply = await metrics.RecordSurveyResponseAsync(command, cancellationToken: ct);
        return TypedResults.Created((string?)null, new SurveyResponseView(Guid.Parse(reply.Id), reply.RecordedAt.ToDateTimeOffset()));
    }

    private static async Task<Created<OutcomeView>> OutcomeAsync(OutcomeBody body, Proto.Metrics.MetricsClient metrics, CancellationToken ct)
    {
        var reply = await metrics.RecordOutcomeAsync(new Proto.RecordOutcomeCommand
        {
            RequestId = body.RequestId.ToString(),
            Kpi = body.Kpi,
            Baseline = body.Baseline,
            Target = body.Target,
            Actual = body.Actual,
            MeasuredAt = body.MeasuredAt.ToProto(),
        }, cancellationToken: ct);
        return TypedResults.Created((string?)null, reply.ToView());
    }

    private static ApiProblemException Invalid(string pointer, string detail)
    {
        var problem = ProblemCatalogue.Validation.Create("Fix the fields listed in errors.");
        problem.Extensions["errors"] = new[] { new Problems.FieldError(pointer, detail) };
        return new ApiProblemException(problem);
    }
}
