namespace MarketingDev.TestSupport;

/// <summary>
/// What a first start logs that an operator would have to act on. An operator reads every warning as something to do,
/// so a start on an empty database (migrations, key creation, broker connection, background services) must log none.
/// </summary>
public static class CleanStart
{
    /// <summary>Starts the host, waits until its /health answers 200, and returns every warning and error it logged meanwhile.</summary>
    public static async Task<IReadOnlyList<string>> WarningsUntilHealthyAsync<TEntryPoint>(ServiceHost<TEntryPoint> host)
        where TEntryPoint : class
    {
        await WaitUntilHealthyAsync(host);
        return host.Logs.WarningsAndErrors();
    }

    /// <summary>Starts the host and waits until its /health answers 200 (database migrated, broker connected).</summary>
    public static async Task WaitUntilHealthyAsync<TEntryPoint>(ServiceHost<TEntryPoint> host) where TEntryPoint : class
    {
        using var http = host.CreateClient();
        using var healthy = await Eventually.ReturnsAsync(() => http.GetAsync("/health"), r => r.IsSuccessStatusCode, "the service to be healthy");
    }
}
