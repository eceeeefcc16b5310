using MarketingDev.Contracts.Events;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Metrics.Projections;

namespace MarketingDev.Metrics.Tests.Formulas;

/// <summary>A request's row is a fold of its events: the same row whatever order they were stored in, once sorted by time.</summary>
public sealed class FoldsTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.NewGuid();

    private static DateTimeOffset D(double day) => Day0.AddDays(day);

    private static RequestStatusChanged Moved(double day, string from, string to, string kind) =>
        new(Guid.NewGuid(), D(day), Id, "MKT-1", from, to, kind, null, "dave", "landingPage", "high", null, null, null);

    private static readonly IIntegrationEvent[] Story =
    [
        new RequestDrafted(Guid.NewGuid(), D(0), Id, "MKT-1", "T", "landingPage", "high", null, "maria", "growth"),
        new RequestSubmitted(Guid.NewGuid(), D(1), Id, "MKT-1", "landingPage", "high", null, 80, "maria", "maria", 2),
        Moved(2, "submitted", "draft", "returned"),
        new RequestSubmitted(Guid.NewGuid(), D(4), Id, "MKT-1", "landingPage", "high", null, 90, "maria", "maria", 0),
        Moved(5, "submitted", "inReview", "advanced"),
        Moved(6, "inReview", "ready", "advanced"),
        new RequestEstimated(Guid.NewGuid(), D(6.5), Id, "MKT-1", "m", 3, false, "dave"),
        Moved(7, "ready", "inProgress", "advanced"),
        new ClarificationRequested(Guid.NewGuid(), D(7.5), Id, Guid.NewGuid(), "MKT-1", "dave"),
        new RequestDelivered(Guid.NewGuid(), D(10), Id, "MKT-1", "landingPage", "high", null, null, null, 3),
        Moved(16, "delivered", "inProgress", "reopened"),
        new RequestDelivered(Guid.NewGuid(), D(18), Id, "MKT-1", "landingPage", "high", null, null, 3, 6),
        new RequestEdited(Guid.NewGuid(), D(19), Id, "MKT-1", "T", "landingPage", "high", new DateOnly(2026, 4, 1), "brand", "delivered", 5, "lead"),
    ];

    [Fact]
    public void Request_FoldsFirstsCountsAndRework()
    {
        var row = Folds.Request(Id, Story);

        Assert.Equal((D(1), 2, D(6), D(7), D(10)), (row.FirstSubmittedAt!.Value, row.WarningFindings!.Value, row.FirstReadyAt!.Value, row.FirstInProgressAt!.Value, row.FirstDeliveredAt!.Value));
        Assert.Equal((1, 1, 1), (row.Returns, row.Reopens, row.Clarifications));
        Assert.Equal((3.0, 3), (row.EstimateDays!.Value, row.ActualDays!.Value));
        Assert.Equal(("brand", new DateOnly(2026, 4, 1)), (row.Team, row.LaunchDate));
        // Returned Wed 03-04 → resubmitted Fri 03-06: 2 working days; reopened Wed 03-18 → delivered Fri 03-20: 2.
        Assert.Equal([2.0, 2.0], row.Moments.Where(m => m.Kind == "rework").Select(m => m.Days));
    }

    [Fact]
    public void Request_FromEventsThatOvertookTheDraft_StillHasItsFacts()
    {
        var row = Folds.Request(Id, [Story[9]]);

        Assert.Equal((D(10), 3), (row.FirstDeliveredAt!.Value, row.ActualDays!.Value));
    }

    [Fact]
    public void Catalog_EveryConsumedEvent_RoundTripsThroughItsStoredJson()
    {
        foreach (var e in Story)
        {
            var back = EventCatalog.Deserialize(EventCatalog.TypeName(e), EventCatalog.Serialize(e));

            Assert.Equal(EventCatalog.Serialize(e), EventCatalog.Serialize(back));
        }
    }
}
