namespace MarketingDev.TestSupport;

/// <summary>Waits for a condition with a deadline, polling; the failure says what was awaited and what was last seen.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0} s waiting for {what}; last value: {last}");
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(() => Task.FromResult(condition()), ok => ok, what, timeout);
}
