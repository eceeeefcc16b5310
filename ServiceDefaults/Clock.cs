namespace MarketingDev.ServiceDefaults;

public static class Clock
{
    /// <summary>
    /// Now, at the precision PostgreSQL keeps (microseconds), so that what a command returns equals what a later read
    /// returns and an event's timestamp equals the row's.
    /// </summary>
    public static DateTimeOffset GetStoredUtcNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
