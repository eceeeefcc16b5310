using MarketingDev.Metrics.Features.Demo;

namespace MarketingDev.Metrics.Tests.Demo;

/// <summary>The demo history is a pure function of its seed: the same ids on every run, whatever the day.</summary>
public sealed class DemoHistoryTests
{
    private static readonly DateTimeOffset Thursday = new(2026, 11, 26, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate_SameSeedAndWeek_GivesTheSameEvents()
    {
        // Act
        var first = DemoHistory.Generate(Thursday);
        var second = DemoHistory.Generate(Thursday.AddDays(1));

        // Assert
        Assert.Equal(first.Events.Select(e => (e.EventId, e.OccurredAt)), second.Events.Select(e => (e.EventId, e.OccurredAt)));
        Assert.Equal(first.SurveyResponses.Select(r => r.Id), second.SurveyResponses.Select(r => r.Id));
        Assert.Equal(first.Outcomes.Select(o => o.Id), second.Outcomes.Select(o => o.Id));
    }

    [Fact]
    public void Generate_AWeekLater_KeepsTheIdsOfEveryEventItStillHas()
    {
        // Act
        var first = DemoHistory.Generate(Thursday);
        var later = DemoHistory.Generate(Thursday.AddDays(7));

        // Assert: the calendar moves by a week; an event drawn in both runs has the same id, so a second seed adds nothing twice.
        var laterIds = later.Events.ToDictionary(e => e.EventId, e => e.OccurredAt);
        Assert.All(first.Events.Where(e => laterIds.ContainsKey(e.EventId)), e => Assert.Equal(e.OccurredAt.AddDays(7), laterIds[e.EventId]));
        Assert.True(laterIds.Count(id => first.Events.Any(e => e.EventId == id.Key)) > first.Events.Count * 9 / 10);
    }

    [Fact]
    public void Generate_HalfAYear_EndsBeforeTheWeekAndSplitsIntoTwoQuarters()
    {
        // Act
        var history = DemoHistory.Generate(Thursday);

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), history.End);
        Assert.Equal(history.End.AddDays(-182), history.BaselineFrom);
        Assert.Equal(history.End.AddDays(-91), history.BaselineTo);
        Assert.All(history.Events, e => Assert.InRange(e.OccurredAt, history.BaselineFrom, history.End.AddTicks(-1)));
        Assert.Equal(history.Events.Count, history.Events.Select(e => e.EventId).Distinct().Count());
        Assert.InRange(history.Events.Count, 1_000, 5_000);
    }
}
