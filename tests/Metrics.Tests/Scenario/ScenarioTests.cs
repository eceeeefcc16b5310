using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MarketingDev.Contracts.Events;
using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using MarketingDev.Metrics.Features.Demo;
using static MarketingDev.Metrics.Features.Demo.EventScript;
using static MarketingDev.Metrics.Tests.Scenario.Script;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;

namespace MarketingDev.Metrics.Tests.Scenario;

/// <summary>
/// A scripted four weeks (days 0-27, a baseline month before) of requests, clarifications, returns, deliveries,
/// reopens, bugs, roadblocks, meetings, sessions, searches, gaps, questions and articles, published in shuffled order
/// onto the real RabbitMQ into the real Metrics service. Every expected value is worked out by hand in the comments.
/// </summary>
public sealed class ScenarioTests : IAsyncLifetime
{
    private const double Precision = 1e-9;
    private readonly MetricsFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static readonly DateTimeOffset PeriodStart = At(0, 0);
    private static readonly DateTimeOffset PeriodEnd = At(28, 0);

    [Fact]
    public async Task ScriptedScenario_GivesEveryExpectedValue_IgnoresRedeliveries_AndRebuildsTheSame()
    {
        // Arrange: the script.
        var r1 = new RequestScript("MKT-1", "growth", "landingPage", Date(8))
            .Drafted(At(0, 9)).Submitted(At(0), warnings: 0).Reviewed(At(1), At(2)).Estimated(At(2, 11), 4).Started(At(3))
            .Clarification(At(3, 12)).Delivered(At(7), estimate: 4, actual: 4);
        var r2 = new RequestScript("MKT-2", "growth", "landingPage", Date(14))
            .Drafted(At(0, 9)).Submitted(At(1), warnings: 2).Returned(At(2)).Clarification(At(2, 11)).Submitted(At(4), warnings: 0)
            .Reviewed(At(7), At(8)).Estimated(At(8, 11), 2).Started(At(9)).Clarification(At(9, 12)).Delivered(At(15), estimate: 2, actual: 4)
            .Reopened(At(16)).Delivered(At(18), estimate: 2, actual: 5);
        var r3 = new RequestScript("MKT-3", "brand", "email", null)
            .Drafted(At(7, 9)).Submitted(At(7), warnings: 0).Reviewed(At(7, 16), At(8)).Estimated(At(8, 13), 5).Started(At(9))
            .Roadblock(At(10)).Delivered(At(23), estimate: 5, actual: 8);
        var r4 = new RequestScript("MKT-4", "growth", "landingPage", null)
            .Drafted(At(14, 9)).Submitted(At(14), warnings: 1).Roadblock(At(15), resolved: At(17));
        var r5 = new RequestScript("MKT-5", "growth", "landingPage", Date(-10))
            .Drafted(At(-28, 9)).Submitted(At(-28), warnings: 0).Reviewed(At(-27), At(-26)).Started(At(-25))
            .Clarification(At(-24)).Clarification(At(-21)).Delivered(At(-18), estimate: 5, actual: 5);
        var (item1, item1Id) = ActionItem(At(2), Date(9));
        var (item2, item2Id) = ActionItem(At(2), Date(11));
        var (item3, _) = ActionItem(At(9), Date(18));
        var (item4, _) = ActionItem(At(16), Date(39));
        Guid gap1 = NewId(), gap2 = NewId(), gap3 = NewId(), articleA = NewId(), articleB = NewId(), articleC = NewId(), articleD = NewId();
        var question = Question(At(1));
        var searches = Searches(At(6), 40, 30);
        var events = new List<IIntegrationEvent>();
        events.AddRange(r1.Events.Concat(r2.Events).Concat(r3.Events).Concat(r4.Events).Concat(r5.Events));
        events.AddRange([
            Bug(r1.Id, At(10)), Bug(r1.Id, At(38, 11)), Bug(r2.Id, At(17)), Bug(r2.Id, At(23)), Bug(r5.Id, At(-15)), Bug(r5.Id, At(-10)), Bug(null, At(5)),
            Meeting(At(2), 30, 35, new() { ["marketing"] = 3, ["development"] = 4 }), Meeting(At(9), 30, 28), Meeting(At(16), 30, 30),
            item1, Completed(item1Id, At(2), Date(9), At(4)), item2, Completed(item2Id, At(2), Date(11), At(12)), item3, item4,
            Session("kickoff", At(3), 60, new() { ["marketing"] = 4, ["development"] = 3 }),
            Session("kickoff", At(17), 40, new() { ["marketing"] = 2, ["development"] = 2, ["design"] = 1 }),
            Session("devDemo", At(10), 30, new() { ["marketing"] = 6, ["development"] = 2 }),
            searches, Searches(At(13), 60, 42), Searches(At(-10), 10, 5),
            Gap(gap1, At(1)), GapClosed(gap1, At(1), At(8)), Gap(gap2, At(3)), Gap(gap3, At(-5)), GapClosed(gap3, At(-5), At(18)),
            question, new QuestionAnswered(NewId(), At(1, 15), question.QuestionId, "dave", "dave", null, At(1)),
            Question(At(8)), Question(At(15)), Question(At(22)), Question(At(23)), Question(At(24)), Question(At(-20)), Question(At(-13)),
            Article(articleA, At(-60), 30), Article(articleB, At(1), 90), Article(articleC, At(-46), 30),
            new ArticleReviewed(NewId(), At(18), articleC, "procedure", 30, "dave", "dave"),
            Article(articleD, At(-51), 30), new ArticleDeleted(NewId(), At(-1), articleD, "procedure", "admin"),
        ]);

        // Act: published in shuffled order (queues deliver out of order anyway), then outcomes and the baseline.
        var shuffled = events.ToArray();
        new Random(20261126).Shuffle(shuffled);
        foreach (var e in shuffled)
        {
            await _fixture.PublishAsync(e);
        }

        await Eventually.ReturnsAsync(_fixture.StoredEventsAsync, n => n >= events.Count, $"all {events.Count} events to be stored", TimeSpan.FromSeconds(60));
        await RecordOutcomeAsync(r1.Id, "Sign-ups", 100, 200, 250, Date(23));
        await RecordOutcomeAsync(r2.Id, "Sign-ups", 100, 200, 150, Date(18));
        await RecordOutcomeAsync(r2.Id, "Sign-ups", 100, 200, 210, Date(25));
        await RecordOutcomeAsync(r3.Id, "CPL", 50, 40, 45, Date(23));
        await _fixture.Metrics.SetBaselineAsync(new GrpcMetrics.SetBaselineCommand { From = Timestamp.FromDateTimeOffset(At(-28, 0)), To = Timestamp.FromDateTimeOffset(PeriodStart) });
        var summary = await SummaryAsync(GrpcMetrics.Compare.Baseline);

        // Assert: every metric, by hand.
        var expected = new Dictionary<string, double?>
        {
            ["requestsDrafted"] = 4,                      // r1, r2 (day 0), r3 (7), r4 (14); r5 is before
            ["requestsSubmitted"] = 4,                    // first submissions of r1-r4
            ["requestsDelivered"] = 3,                    // first deliveries of r1 (7), r2 (15), r3 (23)
            ["leadTimeMedian"] = 14,                      // 7, 14, 16 days
            ["leadTimeP85"] = 15.4,                       // rank 0.85 × 2 = 1.7: 14 + 0.7 × (16 − 14)
            ["cycleTimeMedian"] = 6,                      // 4 (3→7), 6 (9→15), 14 (9→23)
            ["cycleTimeP85"] = 11.6,                      // 6 + 0.7 × (14 − 6)
            ["throughputPerWeek"] = 0.75,                 // 3 in 4 weeks
            ["returnedForInformationRate"] = 0.25,        // r2 of 4 submitted
            ["reworkRate"] = 1.0 / 3,                     // r2 reopened, of 3 delivered
            ["clarificationRoundsPerDelivered"] = 1,      // (1 + 2 + 0) / 3
            ["firstPassReadiness"] = 0.5,                 // r1, r3 (no warning, never returned); r2 had 2 warnings, r4 1
            ["estimateAccuracy"] = 1.6,                   // median of 4/4, 4/2, 8/5
            ["onTimeRate"] = 0.5,                         // r1 on day 7 ≤ 8; r2 on day 15 > 14; r3 has no launch date
            ["postLaunchBugsPerDelivered"] = 1,           // r1: day 10 (day 38 is after 30 days); r2: days 17, 23 → 3 / 3
            ["openRoadblocks"] = 1,                       // r3's, raised day 10; r4's was resolved on day 17
            ["openRoadblockAgeMedian"] = 17 + (14 / 24.0), // day 10 10:00 → day 28 00:00
            ["scopingTimeMedian"] = 2,                    // submitted → ready: r1 2, r2 7 (1 → 8), r3 1
            ["reworkHoursPerMonth"] = 4 * 8 / (28 / 30.0), // r2: returned Wed → resubmitted Fri (2), reopened Wed → delivered Fri (2)
            ["meetingsHeld"] = 3,
            ["meetingPlannedMinutes"] = 90,
            ["meetingActualMinutes"] = 93,                // 35 + 28 + 30
            ["meetingOverrunRate"] = 1.0 / 3,
            ["actionItemCompletionRate"] = 0.5,           // items 1 and 2 of 4
            ["actionItemDaysToCloseMedian"] = 6,          // 2 and 10 days
            ["overdueActionItems"] = 1,                   // item 3 (due day 18); item 4 is due day 39
            ["sessionsHeld"] = 3,
            ["kickoffMinutesMedian"] = 50,                // 60 and 40
            ["searches"] = 100,                           // 40 + 60
            ["selfServiceRate"] = 0.72,                   // (30 + 42) / 100
            ["openGaps"] = 1,                             // gap 2
            ["closedGaps"] = 2,                           // gaps 1 (day 8) and 3 (day 18)
            ["questionsPerWeek"] = 1.5,                   // 6 in 4 weeks
            ["staleArticles"] = 1,                        // A (day -60 + 30); C was reviewed on day 18; D is deleted
            ["surveyResponses"] = 0,
            ["collaborationScore"] = null,
            ["outcomesMetTargetRate"] = 2.0 / 3,          // r1 met, r2's latest (210 ≥ 200) met, r3's CPL 45 > 40 not
        };
        Assert.Equal(expected.Keys.Order(), summary.Metrics.Select(m => m.Name).Order());
        foreach (var (name, value) in expected)
        {
            AssertClose(value, Value(summary, name), name);
        }

        Assert.Equal((4L, 1L, 1L, 3L, 2L, 3L, 1L), (summary.RequestsDrafted, summary.Returns, summary.Reopens, summary.ClarificationRounds,
            summary.RoadblocksRaised, summary.PostLaunchBugs, summary.ArticlesPublished));
        Assert.Equal(new Dictionary<string, long> { ["devDemo"] = 1, ["kickoff"] = 2 }, summary.SessionsByType);
        Assert.Equal(new Dictionary<string, long> { ["design"] = 1, ["development"] = 7, ["marketing"] = 12 }, summary.AttendanceByFunction);

        // Against the baseline month: r5 alone, lead time 10 days, 2 clarifications, 2 post-launch bugs.
        var lead = summary.Metrics.Single(m => m.Name == "leadTimeMedian");
        Assert.Equal((14.0, 10.0, 4.0, 0.4), (lead.Value, lead.ComparedValue, lead.Change, Math.Round(lead.ChangeRatio, 9)));
        Assert.Equal(PeriodStart, summary.ComparedTo.ToDateTimeOffset());

        var growth = await SummaryAsync(GrpcMetrics.Compare.Previous, team: "growth");
        AssertMetrics(growth, ("requestsDrafted", 3), ("requestsDelivered", 2), ("leadTimeMedian", 10.5), ("openRoadblocks", 0));
        var email = await SummaryAsync(GrpcMetrics.Compare.Previous, type: "email");
        AssertMetrics(email, ("requestsDelivered", 1), ("leadTimeMedian", 16), ("openRoadblocks", 1));

        var weekly = await _fixture.Metrics.GetTimeseriesAsync(new GrpcMetrics.GetTimeseriesQuery
        {
            Metric = "leadTimeMedian", Interval = GrpcMetrics.Interval.Week, From = Timestamp.FromDateTimeOffset(PeriodStart), To = Timestamp.FromDateTimeOffset(PeriodEnd),
        });
        Assert.Equal(new double?[] { null, 7, 14, 16 }, weekly.Points.Select(p => p.HasValue ? p.Value : (double?)null));

        var scorecard = await _fixture.Metrics.GetScorecardAsync(new GrpcMetrics.GetScorecardQuery
        {
            From = Timestamp.FromDateTimeOffset(PeriodStart), To = Timestamp.FromDateTimeOffset(PeriodEnd),
        });
        var claims = scorecard.Claims.ToDictionary(c => c.Name);
        Assert.Equal(10, claims.Count);
        Assert.Equal((2.0, 1.0, -0.5, true), (claims["miscommunicationClarifications"].BaselineValue, claims["miscommunicationClarifications"].CurrentValue,
            claims["miscommunicationClarifications"].MeasuredChange, claims["miscommunicationClarifications"].Met));
        Assert.Equal((2.0, 1.0, -0.5, true), (claims["postLaunchBugs"].BaselineValue, claims["postLaunchBugs"].CurrentValue,
            claims["postLaunchBugs"].MeasuredChange, claims["postLaunchBugs"].Met));
        Assert.Equal((1.6, false), (claims["aheadOfEstimate"].CurrentValue, claims["aheadOfEstimate"].Met));
        Assert.Equal((0.5, 1.5, 2.0, false), (claims["interruptions"].BaselineValue, claims["interruptions"].CurrentValue,
            claims["interruptions"].MeasuredChange, claims["interruptions"].Met));
        Assert.False(claims["miscommunicationReturns"].HasMet); // a baseline of 0 returns has no relative change
        Assert.True(claims["campaignKpis"].Met);

        // Redelivered events (same EventId under a new message id, past the inbox) change nothing.
        var before = summary.ToString();
        var stored = await _fixture.StoredEventsAsync();
        var again = new IIntegrationEvent[] { r2.Events[1], r2.Events[^1], searches };
        foreach (var e in again)
        {
            await _fixture.PublishAsync(e, messageId: Guid.NewGuid());
        }

        foreach (var e in again)
        {
            await Eventually.TrueAsync(() => _fixture.MetricsHost.Logs.Contains($"{e.EventId}: already stored"), $"the redelivered {e.GetType().Name} to be recognised");
        }

        Assert.Equal(stored, await _fixture.StoredEventsAsync());
        Assert.Equal(before, (await SummaryAsync(GrpcMetrics.Compare.Baseline)).ToString());

        // A rebuild from the stored events gives the same rows and the same numbers.
        var rowsBefore = await RowsAsync();
        var rebuilt = await _fixture.Metrics.RebuildAsync(new GrpcMetrics.RebuildCommand());

        Assert.Equal(stored, rebuilt.Events);
        Assert.Equal(rowsBefore, await RowsAsync());
        Assert.Equal(before, (await SummaryAsync(GrpcMetrics.Compare.Baseline)).ToString());
        Assert.Equal(weekly.ToString(), (await _fixture.Metrics.GetTimeseriesAsync(new GrpcMetrics.GetTimeseriesQuery
        {
            Metric = "leadTimeMedian", Interval = GrpcMetrics.Interval.Week, From = Timestamp.FromDateTimeOffset(PeriodStart), To = Timestamp.FromDateTimeOffset(PeriodEnd),
        })).ToString());
    }

    [Fact]
    public async Task SurveyAnswers_MeansPerDimensionAndFunction_HiddenUnderThree()
    {
        int[][] marketing = [[4, 3, 5, 4], [5, 4, 4, 4], [3, 3, 4, 5]];
        int[][] development = [[2, 3, 4, 3], [4, 3, 4, 3]];
        foreach (var s in marketing)
        {
            await AnswerAsync(GrpcMetrics.Function.Marketing, s);
        }

        foreach (var s in development)
        {
            await AnswerAsync(GrpcMetrics.Function.Development, s);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => AnswerAsync(GrpcMetrics.Function.Design, [6, 3, 3, 3]));
        var now = DateTimeOffset.UtcNow;

        var summary = await _fixture.Metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery
        {
            From = Timestamp.FromDateTimeOffset(now.AddHours(-1)), To = Timestamp.FromDateTimeOffset(now.AddHours(1)),
        });

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(5.0, Value(summary, "surveyResponses"));
        AssertClose(3.7, Value(summary, "collaborationScore"), "collaborationScore"); // (3.6 + 3.2 + 4.2 + 3.8) / 4
        var groups = summary.Survey.ToDictionary(g => g.Group);
        Assert.Equal(["all", "development", "marketing"], groups.Keys.Order());
        Assert.Equal((5, 3.6, 3.2, 4.2, 3.8), (groups["all"].Answers, Math.Round(groups["all"].Communication, 9), Math.Round(groups["all"].Clarity, 9),
            Math.Round(groups["all"].Trust, 9), Math.Round(groups["all"].Speed, 9)));
        Assert.Equal((2, false, false), (groups["development"].Answers, groups["development"].HasCommunication, groups["development"].HasSpeed));
        Assert.Equal((3, 4.0, 10 / 3.0), (groups["marketing"].Answers, groups["marketing"].Communication, groups["marketing"].Clarity));
        Assert.Equal(5, await _fixture.WithMetricsDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    private Task<GrpcMetrics.SurveyResponseReply> AnswerAsync(GrpcMetrics.Function function, int[] s) =>
        _fixture.Metrics.RecordSurveyResponseAsync(new GrpcMetrics.RecordSurveyResponseCommand
        {
            Function = function,
            Scores = new GrpcMetrics.SurveyScores { Communication = s[0], Clarity = s[1], Trust = s[2], Speed = s[3] },
        }).ResponseAsync;

    private Task<GrpcMetrics.Summary> SummaryAsync(GrpcMetrics.Compare compare, string? team = null, string? type = null)
    {
        var query = new GrpcMetrics.GetSummaryQuery { From = Timestamp.FromDateTimeOffset(PeriodStart), To = Timestamp.FromDateTimeOffset(PeriodEnd), Compare = compare };
        if (team is not null)
        {
            query.Team = team;
        }

        if (type is not null)
        {
            query.Type = type;
        }

        return _fixture.Metrics.GetSummaryAsync(query).ResponseAsync;
    }

    private Task<GrpcMetrics.OutcomeReply> RecordOutcomeAsync(Guid requestId, string kpi, double baseline, double target, double actual, DateOnly measuredAt) =>
        _fixture.Metrics.RecordOutcomeAsync(new GrpcMetrics.RecordOutcomeCommand
        {
            RequestId = requestId.ToString(), Kpi = kpi, Baseline = baseline, Target = target, Actual = actual,
            MeasuredAt = new Contracts.Grpc.Common.Date { Year = measuredAt.Year, Month = measuredAt.Month, Day = measuredAt.Day },
        }).ResponseAsync;

    /// <summary>Every projection row, serialised in key order: what a rebuild must reproduce exactly.</summary>
    private Task<string> RowsAsync() => _fixture.WithMetricsDbAsync(async db => System.Text.Json.JsonSerializer.Serialize(new object[]
    {
        await db.Requests.AsNoTracking().OrderBy(r => r.RequestId).ToListAsync(),
        await db.Bugs.AsNoTracking().OrderBy(r => r.BugId).ToListAsync(),
        await db.Roadblocks.AsNoTracking().OrderBy(r => r.RoadblockId).ToListAsync(),
        await db.Meetings.AsNoTracking().OrderBy(r => r.MeetingId).ToListAsync(),
        await db.ActionItems.AsNoTracking().OrderBy(r => r.ActionItemId).ToListAsync(),
        await db.Sessions.AsNoTracking().OrderBy(r => r.SessionId).ToListAsync(),
        await db.SearchCounts.AsNoTracking().OrderBy(r => r.EventId).ToListAsync(),
        await db.Gaps.AsNoTracking().OrderBy(r => r.GapId).ToListAsync(),
        await db.Questions.AsNoTracking().OrderBy(r => r.QuestionId).ToListAsync(),
        await db.Articles.AsNoTracking().OrderBy(r => r.ArticleId).ToListAsync(),
    }));

    private static void AssertMetrics(GrpcMetrics.Summary summary, params (string Name, double? Value)[] expected)
    {
        foreach (var (name, value) in expected)
        {
            AssertClose(value, Value(summary, name), name);
        }
    }

    private static double? Value(GrpcMetrics.Summary summary, string name) =>
        summary.Metrics.Single(m => m.Name == name) is { HasValue: true } m ? m.Value : null;

    private static void AssertClose(double? expected, double? actual, string name)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected == actual, $"{name}: expected {expected?.ToString() ?? "none"}, got {actual?.ToString() ?? "none"}");
            return;
        }

        Assert.True(Math.Abs(expected.Value - actual.Value) < Precision, $"{name}: expected {expected}, got {actual}");
    }
}
