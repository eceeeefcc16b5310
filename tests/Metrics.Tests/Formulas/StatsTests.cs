using MarketingDev.Metrics.Formulas;

namespace MarketingDev.Metrics.Tests.Formulas;

public sealed class StatsTests
{
    [Theory]
    [InlineData(new double[] { }, 0.5, null)]
    [InlineData(new double[] { 3 }, 0.5, 3.0)]
    [InlineData(new double[] { 3 }, 0.85, 3.0)]
    [InlineData(new double[] { 1, 3 }, 0.5, 2.0)]
    [InlineData(new double[] { 7, 16, 14 }, 0.5, 14.0)]
    [InlineData(new double[] { 7, 16, 14 }, 0.85, 15.4)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.85, 3.55)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.85, 8.65)]
    public void Percentile_InterpolatesBetweenClosestRanks(double[] values, double p, double? expected)
    {
        var actual = Stats.Percentile(values, p);

        Assert.Equal(expected, actual is { } v ? Math.Round(v, 9) : null);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, 4, 0.25)]
    [InlineData(3, 3, 1.0)]
    public void Ratio_OfNothing_IsAbsent(double part, double whole, double? expected) => Assert.Equal(expected, Stats.Ratio(part, whole));
}

public sealed class WorkingDaysTests
{
    // 2026-03-02 is a Monday.
    [Theory]
    [InlineData("2026-03-02T10:00Z", "2026-03-02T18:00Z", 0)]
    [InlineData("2026-03-02T10:00Z", "2026-03-03T09:00Z", 1)]
    [InlineData("2026-03-04T10:00Z", "2026-03-06T10:00Z", 2)]
    [InlineData("2026-03-06T10:00Z", "2026-03-09T10:00Z", 1)]
    [InlineData("2026-03-07T10:00Z", "2026-03-08T10:00Z", 0)]
    [InlineData("2026-03-02T10:00Z", "2026-03-16T10:00Z", 10)]
    [InlineData("2026-03-09T10:00Z", "2026-03-02T10:00Z", 0)]
    public void Between_CountsWeekdaysAfterTheStartUpToTheEnd(string start, string end, int expected) =>
        Assert.Equal(expected, WorkingDays.Between(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
}
