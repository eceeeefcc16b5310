using MarketingDev.Metrics.Features.Reading;
using MarketingDev.Metrics.Formulas;

namespace MarketingDev.Metrics.Tests.Formulas;

public sealed class ClaimsTests
{
    [Theory]
    [InlineData("miscommunicationClarifications", 2.0, 1.4, -0.3, true)]   // exactly -30%
    [InlineData("miscommunicationClarifications", 2.0, 1.5, -0.25, false)]
    [InlineData("collaborationScores", 3.2, 4.0, 0.25, true)]
    [InlineData("collaborationScores", 3.2, 3.9, 0.21875, false)]
    [InlineData("reworkSaved", 40.0, 20.0, -20.0, true)]                   // absolute: 20 hours a month fewer
    [InlineData("reworkSaved", 40.0, 30.0, -10.0, false)]
    [InlineData("aheadOfEstimate", 1.4, 0.9, -0.5, true)]                  // at most 1
    [InlineData("campaignKpis", 0.2, 0.5, 0.3, true)]                      // at least half
    [InlineData("miscommunicationReturns", 0.0, 0.25, null, null)]         // no relative change from 0
    [InlineData("kickoffMeetings", null, 30.0, null, null)]
    public void Evaluate_ComparesTheMeasuredChangeWithThePromise(string name, double? baseline, double? current, double? measured, bool? met)
    {
        var claim = Claims.All.Single(c => c.Name == name);

        var result = Claims.Evaluate(claim, baseline, current);

        Assert.Equal(measured, result.Measured is { } m ? Math.Round(m, 9) : null);
        Assert.Equal(met, result.Met);
    }

    [Fact]
    public void EveryClaim_NamesAKnownMetric() => Assert.All(Claims.All, c => Assert.NotNull(MetricCatalog.Find(c.Metric)));
}

public sealed class TimeseriesBucketsTests
{
    [Theory]
    [InlineData("2026-03-04T12:00Z", "2026-03-30T00:00Z", Interval.Week, 4, "2026-03-02T00:00Z", "2026-03-30T00:00Z")]
    [InlineData("2026-03-02T00:00Z", "2026-03-20T00:00Z", Interval.Week, 3, "2026-03-02T00:00Z", "2026-03-20T00:00Z")]
    [InlineData("2026-01-15T00:00Z", "2026-04-01T00:00Z", Interval.Month, 3, "2026-01-01T00:00Z", "2026-04-01T00:00Z")]
    [InlineData("2026-03-01T00:00Z", "2026-03-03T00:00Z", Interval.Week, 2, "2026-02-23T00:00Z", "2026-03-03T00:00Z")]
    public void Buckets_StartOnMondayOrTheFirst_AndEndAtTo(string from, string to, Interval interval, int count, string? first, string? last)
    {
        var buckets = GetTimeseriesHandler.Buckets(Parse(from), Parse(to), interval);

        Assert.Equal(count, buckets.Count);
        if (count > 0)
        {
            Assert.Equal(Parse(first!), buckets[0].Start);
            Assert.Equal(Parse(last!), buckets[^1].End);
        }
    }

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
