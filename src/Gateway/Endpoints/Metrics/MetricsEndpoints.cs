using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Proto = MarketingDev.Contracts.Grpc.Metrics;

namespace MarketingDev.Gateway.Endpoints.Metrics;

public sealed record SummaryView(
    DateTimeOffset? From,
    DateTimeOffset? To,
    long RequestsDrafted,
    long RequestsSubmitted,
    long RequestsDelivered,
    long Returns,
    long Reopens,
    long ClarificationRounds,
    long RoadblocksRaised,
    long PostLaunchBugs,
    long ArticlesPublished,
    DateTimeOffset? LastEventAt);

internal static class MetricsEndpoints
{
    public static void MapMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        var metrics = app.MapGroup("/api/v1/metrics").WithTags("Metrics");
        metrics.MapGet("/summary", SummaryAsync).WithName("GetMetricsSummary")
            .WithSummary("Counts for a period [from, to) (ISO 8601 instants; both optional: all time).")
            .ProducesValidationProblem();
    }

    private static async Task<Ok<SummaryView>> SummaryAsync(
        Proto.Metrics.MetricsClient metrics, CancellationToken ct, [FromQuery] DateTimeOffset? from = null, [FromQuery] DateTimeOffset? to = null)
    {
        var query = new Proto.GetSummaryQuery
        {
            From = from is { } f ? Timestamp.FromDateTimeOffset(f) : null,
            To = to is { } t ? Timestamp.FromDateTimeOffset(t) : null,
        };
        var summary = await metrics.GetSummaryAsync(query, cancellationToken: ct);
        return TypedResults.Ok(new SummaryView(from, to, summary.RequestsDrafted, summary.RequestsSubmitted, summary.RequestsDelivered,
            summary.Returns, summary.Reopens, summary.ClarificationRounds, summary.RoadblocksRaised, summary.PostLaunchBugs, summary.ArticlesPublished, summary.LastEventAt?.ToDateTimeOffset()));
    }
}
