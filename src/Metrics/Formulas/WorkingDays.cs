namespace MarketingDev.Metrics.Formulas;

public static class WorkingDays
{
    /// <summary>Weekdays (Monday to Friday, UTC dates) after the start's date up to and including the end's date.</summary>
    public static int Between(DateTimeOffset start, DateTimeOffset end)
    {
        var from = DateOnly.FromDateTime(start.UtcDateTime);
        var to = DateOnly.FromDateTime(end.UtcDateTime);
        var days = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days++;
            }
        }

        return days;
    }
}
