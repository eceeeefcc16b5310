namespace MarketingDev.Metrics.Tests.Scenario;

/// <summary>The scenario's calendar; the events themselves come from EventScript and RequestScript (src/Metrics/Features/Demo), with fresh ids.</summary>
internal static class Script
{
    /// <summary>
    /// Day 0 of the scenario: the Monday (00:00 UTC) eight weeks before this week's, so the scenario lies in the past
    /// (survey answers, recorded now, get a period of their own) and weekdays fall the same way on every run.
    /// </summary>
    public static readonly DateTimeOffset Start = MondayOf(DateTimeOffset.UtcNow).AddDays(-56);

    public static DateTimeOffset At(int day, int hour = 10) => Start.AddDays(day).AddHours(hour);

    public static DateOnly Date(int day) => DateOnly.FromDateTime(Start.AddDays(day).UtcDateTime);

    public static DateTimeOffset MondayOf(DateTimeOffset instant)
    {
        var day = instant.UtcDateTime.Date;
        return new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero);
    }

    public static Guid NewId() => Guid.NewGuid();
}
