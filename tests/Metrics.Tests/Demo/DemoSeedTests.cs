using Google.Protobuf.WellKnownTypes;
using MarketingDev.Metrics.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;

namespace MarketingDev.Metrics.Tests.Demo;

/// <summary>
/// The demo seed against the real Metrics service and PostgreSQL: the quarter with the practices beats the baseline
/// quarter on every promised metric, and seeding again changes nothing.
/// </summary>
public sealed class DemoSeedTests : IAsyncLifetime
{
    private readonly MetricsFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task SeedDemo_Twice_ShowsTheImprovementOnceAndTheSameNumbers()
    {
        // Arrange
        var history = DemoHistory.Generate(DateTimeOffset.UtcNow);

        // Act
        var first = await SeedAsync(history);
        var summary = await SummaryAsync(history);
        var scorecard = await _fixture.Metrics.GetScorecardAsync(new GrpcMetrics.GetScorecardQuery { From = Timestamp.FromDateTimeOffset(history.BaselineTo), To = Timestamp.FromDateTimeOffset(history.End) },
            cancellationToken: TestContext.Current.CancellationToken);
        var second = await SeedAsync(history);
        var again = await SummaryAsync(history);

        // Assert: everything stored once, the baseline set to the first quarter.
        Assert.Equal((history.Events.Count, history.Events.Count, history.SurveyResponses.Count, history.Outcomes.Count, true),
            (first.Events, first.EventsStored, first.SurveyResponsesStored, first.OutcomesStored, first.BaselineSet));
        Assert.Equal((0, 0, 0, false), (second.EventsStored, second.SurveyResponsesStored, second.OutcomesStored, second.BaselineSet));
        Assert.Equal(history.Events.Count, await _fixture.StoredEventsAsync());
        Assert.Equal(summary, again);

        // Lower is better for these, higher for the others; each compared with the baseline quarter.
        string[] lower = ["returnedForInformationRate", "clarificationRoundsPerDelivered", "scopingTimeMedian", "reworkRate", "reworkHoursPerMonth",
            "estimateAccuracy", "postLaunchBugsPerDelivered", "kickoffMinutesMedian", "questionsPerWeek", "meetingOverrunRate", "leadTimeMedian"];
        string[] higher = ["firstPassReadiness", "onTimeRate", "selfServiceRate", "actionItemCompletionRate", "collaborationScore", "outcomesMetTargetRate"];
        var metrics = summary.Metrics.ToDictionary(m => m.Name);
        Assert.All(lower, name => Assert.True(metrics[name].HasChange && metrics[name].Change < 0, $"{name}: {metrics[name]}"));
        Assert.All(higher, name => Assert.True(metrics[name].HasChange && metrics[name].Change > 0, $"{name}: {metrics[name]}"));
        Assert.True(metrics["requestsDelivered"].Value > 30, metrics["requestsDelivered"].ToString());
        Assert.True(scorecard.Claims.Count(c => c.HasMet && c.Met) >= 7, scorecard.ToString());
    }

    [Fact]
    public async Task Summary_AfterASurveyAnswer_CountsItAtOnce()
    {
        // Arrange: a summary computed (and its inputs kept) before the answer.
        var before = await _fixture.Metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery(), cancellationToken: TestContext.Current.CancellationToken);

        // Act
        await _fixture.Metrics.RecordSurveyResponseAsync(new GrpcMetrics.RecordSurveyResponseCommand
        {
            Function = GrpcMetrics.Function.Marketing,
            Scores = new GrpcMetrics.SurveyScores { Communication = 4, Clarity = 4, Trust = 4, Speed = 4 },
        }, cancellationToken: TestContext.Current.CancellationToken);
        var after = await _fixture.Metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery(), cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(0, before.Metrics.Single(m => m.Name == "surveyResponses").Value);
        Assert.Equal(1, after.Metrics.Single(m => m.Name == "surveyResponses").Value);
    }

    private async Task<SeedDemoResult> SeedAsync(DemoHistory history)
    {
        await using var scope = _fixture.MetricsHost.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(history, TestContext.Current.CancellationToken);
    }

    private async Task<GrpcMetrics.Summary> SummaryAsync(DemoHistory history) =>
        await _fixture.Metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery
        {
            From = Timestamp.FromDateTimeOffset(history.BaselineTo),
            To = Timestamp.FromDateTimeOffset(history.End),
            Compare = GrpcMetrics.Compare.Baseline,
        }, cancellationToken: TestContext.Current.CancellationToken);
}
