using MarketingDev.Metrics.Domain;
using MarketingDev.Metrics.Formulas;

namespace MarketingDev.Metrics.Tests.Formulas;

public sealed class CollaborationFormulasTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly MetricWindow Window = MetricWindow.Of(Day0, Day0.AddDays(28), Day0.AddDays(100));

    private static DateTimeOffset D(double day) => Day0.AddDays(day);

    private static DateOnly Date(int day) => DateOnly.FromDateTime(D(day).UtcDateTime);

    [Theory]
    [InlineData(new[] { 30, 30, 30 }, new[] { 35, 28, 30 }, 1.0 / 3)]
    [InlineData(new[] { 30 }, new[] { 30 }, 0.0)]
    [InlineData(new int[] { }, new int[] { }, null)]
    public void OverrunRate_IsTheShareOfMeetingsLongerThanPlanned(int[] planned, int[] actual, double? expected)
    {
        var meetings = planned.Select((p, i) => new MeetingRow { MeetingId = Guid.NewGuid(), HeldAt = D(i), PlannedMinutes = p, ActualMinutes = actual[i] });

        Assert.Equal(expected, MeetingFormulas.OverrunRate(meetings, Window));
    }

    [Fact]
    public void ActionItems_CompletionRate_DaysToClose_AndOverdue()
    {
        ActionItemRow[] items =
        [
            new() { ActionItemId = Guid.NewGuid(), AssignedAt = D(2), DueDate = Date(9), CompletedAt = D(4) },
            new() { ActionItemId = Guid.NewGuid(), AssignedAt = D(2), DueDate = Date(11), CompletedAt = D(12) },
            new() { ActionItemId = Guid.NewGuid(), AssignedAt = D(9), DueDate = Date(18) },
            new() { ActionItemId = Guid.NewGuid(), AssignedAt = D(16), DueDate = Date(39) },
            new() { ActionItemId = Guid.NewGuid(), AssignedAt = D(20), DueDate = Date(21), CompletedAt = D(35) }, // done after the period: overdue at its end
        ];

        Assert.Equal(0.4, MeetingFormulas.ActionItemCompletionRate(items, Window));
        Assert.Equal(6, MeetingFormulas.MedianDaysToClose(items, Window));
        Assert.Equal(2, MeetingFormulas.OverdueActionItems(items, Window));
    }

    [Fact]
    public void Sessions_ByTypeAttendanceAndKickoffMedian()
    {
        SessionRow[] sessions =
        [
            new() { SessionId = Guid.NewGuid(), HeldAt = D(3), Type = "kickoff", DurationMinutes = 60, Attendance = [new() { Function = "marketing", Count = 4 }] },
            new() { SessionId = Guid.NewGuid(), HeldAt = D(17), Type = "kickoff", DurationMinutes = 40, Attendance = [new() { Function = "marketing", Count = 2 }, new() { Function = "design", Count = 1 }] },
            new() { SessionId = Guid.NewGuid(), HeldAt = D(40), Type = "devDemo", DurationMinutes = 30 },
        ];

        Assert.Equal(new Dictionary<string, long> { ["kickoff"] = 2 }, MeetingFormulas.SessionsByType(sessions, Window));
        Assert.Equal(new Dictionary<string, long> { ["design"] = 1, ["marketing"] = 6 }, MeetingFormulas.AttendanceByFunction(sessions, Window));
        Assert.Equal(50, MeetingFormulas.KickoffMinutesMedian(sessions, Window));
    }

    [Theory]
    [InlineData(new long[] { 40, 60 }, new long[] { 30, 42 }, 0.72)]
    [InlineData(new long[] { 0 }, new long[] { 0 }, null)]
    public void SelfServiceRate_IsSearchesWithAResultOverAll(long[] searches, long[] withResult, double? expected)
    {
        var counts = searches.Select((s, i) => new SearchCountRow { EventId = Guid.NewGuid(), CountedAt = D(i + 1), Searches = s, SearchesWithResult = withResult[i] });

        Assert.Equal(expected, KnowledgeFormulas.SelfServiceRate(counts, Window));
    }

    [Theory]
    [InlineData(-60, 30, null, null, true)]   // last touched 60 days before the start, 30-day interval
    [InlineData(-60, 30, 18.0, null, false)]  // reviewed on day 18
    [InlineData(-60, 0, null, null, false)]   // no review interval: never stale
    [InlineData(-60, 30, null, -1.0, false)]  // deleted
    [InlineData(30, 1, null, null, false)]    // published after the period
    public void StaleArticles_AtTheEndOfThePeriod(int published, int interval, double? reviewedDay, double? deletedDay, bool stale)
    {
        var article = new ArticleRow
        {
            ArticleId = Guid.NewGuid(), PublishedAt = D(published), LastReviewedAt = D(reviewedDay ?? published), ReviewIntervalDays = interval,
            DeletedAt = deletedDay is { } d ? D(d) : null,
        };

        Assert.Equal(stale ? 1 : 0, KnowledgeFormulas.StaleArticles([article], Window));
    }

    [Fact]
    public void Gaps_OpenAtTheEndAndClosedInThePeriod()
    {
        GapRow[] gaps =
        [
            new() { GapId = Guid.NewGuid(), RecordedAt = D(1), ClosedAt = D(8) },
            new() { GapId = Guid.NewGuid(), RecordedAt = D(3) },
            new() { GapId = Guid.NewGuid(), RecordedAt = D(-5), ClosedAt = D(18) },
            new() { GapId = Guid.NewGuid(), RecordedAt = D(20), ClosedAt = D(29) },
        ];

        Assert.Equal((2, 2), (KnowledgeFormulas.OpenGaps(gaps, Window), KnowledgeFormulas.ClosedGaps(gaps, Window)));
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(3, 3.5)]
    public void CollaborationScore_IsHiddenUnderThreeAnswers(int answers, double? expected)
    {
        var responses = Enumerable.Range(0, answers).Select(i => new SurveyResponse
        {
            Id = Guid.NewGuid(), Function = "marketing", Communication = 3, Clarity = 4, Trust = 3, Speed = 4, RecordedAt = D(i),
        });

        Assert.Equal(expected, PeopleFormulas.CollaborationScore(responses, Window));
    }

    [Theory]
    [InlineData(100, 200, 250, true)]
    [InlineData(100, 200, 150, false)]
    [InlineData(50, 40, 45, false)]   // lower is better: cost per lead
    [InlineData(50, 40, 40, true)]
    public void MeetsTarget_InTheKpisDirection(double baseline, double target, double actual, bool met) =>
        Assert.Equal(met, Outcome.MeetsTarget(baseline, target, actual));

    [Fact]
    public void OutcomesMetTargetRate_TakesEachInitiativesLatestMeasurement()
    {
        var request = Guid.NewGuid();
        Outcome[] outcomes =
        [
            new() { Id = Guid.NewGuid(), RequestId = request, Kpi = "Sign-ups", Baseline = 100, Target = 200, Actual = 150, MeasuredAt = Date(10) },
            new() { Id = Guid.NewGuid(), RequestId = request, Kpi = "sign-ups", Baseline = 100, Target = 200, Actual = 210, MeasuredAt = Date(20) },
            new() { Id = Guid.NewGuid(), RequestId = Guid.NewGuid(), Kpi = "CPL", Baseline = 50, Target = 40, Actual = 45, MeasuredAt = Date(20) },
            new() { Id = Guid.NewGuid(), RequestId = Guid.NewGuid(), Kpi = "CPL", Baseline = 50, Target = 40, Actual = 30, MeasuredAt = Date(40) },
        ];

        Assert.Equal(0.5, PeopleFormulas.OutcomesMetTargetRate(outcomes, Window));
    }
}
