using Grpc.Core;
using MarketingDev.Contracts.Grpc;
using MarketingDev.Metrics.Features.Admin;
using MarketingDev.Metrics.Features.Reading;
using MarketingDev.Metrics.Features.Recording;
using MarketingDev.ServiceDefaults.Identity;
using Proto = MarketingDev.Contracts.Grpc.Metrics;

namespace MarketingDev.Metrics.Grpc;

/// <summary>Thin: proto → query or command, call the handler, map back. Domain failures become status codes in the interceptor.</summary>
public sealed class MetricsGrpcService(
    TimeProvider clock,
    GetSummaryHandler summaries,
    GetTimeseriesHandler timeseries,
    GetScorecardHandler scorecards,
    SetBaselineHandler baselines,
    RebuildHandler rebuilds,
    RecordSurveyResponseHandler surveys,
    RecordOutcomeHandler outcomes) : Proto.Metrics.MetricsBase
{
    public override async Task<Proto.Summary> GetSummary(Proto.GetSummaryQuery query, ServerCallContext context)
    {
        var (from, to) = PeriodRules.Resolve(query.From.ToInstant(), query.To.ToInstant(), clock.GetUtcNow());
        return (await summaries.HandleAsync(new GetSummary(from, to, ProtoMapping.Filter(query.HasTeam, query.Team),
            ProtoMapping.Filter(query.HasType, query.Type), query.Compare.ToDomain()), context.CancellationToken)).ToProto();
    }

    public override async Task<Proto.Timeseries> GetTimeseries(Proto.GetTimeseriesQuery query, ServerCallContext context)
    {
        var interval = query.Interval.ToDomain();
        var (from, to) = PeriodRules.Resolve(query.From.ToInstant(), query.To.ToInstant(), clock.GetUtcNow(),
            interval == Interval.Month ? TimeSpan.FromDays(365) : TimeSpan.FromDays(182));
        return (await timeseries.HandleAsync(new GetTimeseries(query.Metric, interval, from, to, ProtoMapping.Filter(query.HasTeam, query.Team),
            ProtoMapping.Filter(query.HasType, query.Type)), context.CancellationToken)).ToProto();
    }

    public override async Task<Proto.Scorecard> GetScorecard(Proto.GetScorecardQuery query, ServerCallContext context)
    {
        var (from, to) = PeriodRules.Resolve(query.From.ToInstant(), query.To.ToInstant(), clock.GetUtcNow());
        return (await scorecards.HandleAsync(new GetScorecard(from, to), context.CancellationToken)).ToProto();
    }

    public override async Task<Proto.Baseline> SetBaseline(Proto.SetBaselineCommand command, ServerCallContext context) =>
        (await baselines.HandleAsync(new SetBaseline(command.From.ToInstant(), command.To.ToInstant(), context.GetActor()), context.CancellationToken)).ToProto();

    public override async Task<Proto.RebuildResult> Rebuild(Proto.RebuildCommand command, ServerCallContext context)
    {
        var result = await rebuilds.HandleAsync(context.GetActor(), context.CancellationToken);
        return new Proto.RebuildResult { Events = result.Events, Streams = result.Streams };
    }

    public override async Task<Proto.SurveyResponseReply> RecordSurveyResponse(Proto.RecordSurveyResponseCommand command, ServerCallContext context)
    {
        var scores = command.Scores is { } s ? new SurveyScores(s.Communication, s.Clarity, s.Trust, s.Speed) : null;
        var response = await surveys.HandleAsync(new RecordSurveyResponse(command.Function.FunctionName(), scores, command.HasComment ? command.Comment : null, context.GetIdempotencyKey()),
            context.CancellationToken);
        return new Proto.SurveyResponseReply { Id = response.Id.ToString(), RecordedAt = response.RecordedAt.ToProto() };
    }

    public override async Task<Proto.OutcomeReply> RecordOutcome(Proto.RecordOutcomeCommand command, ServerCallContext context)
    {
        command.MeasuredAt.TryToDateOnly(out var measuredAt);
        return (await outcomes.HandleAsync(new RecordOutcome(command.RequestId, command.Kpi, command.Baseline, command.Target, command.Actual,
            measuredAt, context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken)).ToProto();
    }
}
