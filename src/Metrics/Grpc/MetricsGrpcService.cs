using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MarketingDev.Contracts.Grpc.Metrics;
using MarketingDev.Metrics.Features.Summary;
using Proto = MarketingDev.Contracts.Grpc.Metrics;

namespace MarketingDev.Metrics.Grpc;

public sealed class MetricsGrpcService(GetSummaryHandler summaries) : Proto.Metrics.MetricsBase
{
    public override async Task<Proto.Summary> GetSummary(GetSummaryQuery query, ServerCallContext context)
    {
        var summary = await summaries.HandleAsync(
            new Period(query.From?.ToDateTimeOffset(), query.To?.ToDateTimeOffset()), context.CancellationToken);
        return new Proto.Summary
        {
            RequestsDrafted = summary.RequestsDrafted,
            ArticlesPublished = summary.ArticlesPublished,
            LastEventAt = summary.LastEventAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            RequestsSubmitted = summary.RequestsSubmitted,
            RequestsDelivered = summary.RequestsDelivered,
            Returns = summary.Returns,
            Reopens = summary.Reopens,
            ClarificationRounds = summary.ClarificationRounds,
            RoadblocksRaised = summary.RoadblocksRaised,
            PostLaunchBugs = summary.PostLaunchBugs,
        };
    }
}
