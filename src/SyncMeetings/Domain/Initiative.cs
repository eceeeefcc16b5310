namespace MarketingDev.SyncMeetings.Domain;

/// <summary>A request as the sync agenda sees it: something launching soon that marketing and development review together.</summary>
public sealed class Initiative
{
    private Initiative()
    {
    }

    public Guid RequestId { get; private set; }
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Priority { get; private set; } = "";
    public DateOnly? LaunchDate { get; private set; }
    public DateTimeOffset KnownSince { get; private set; }

    public static Initiative FromDraft(Guid requestId, string key, string title, string priority, DateOnly? launchDate, DateTimeOffset at) =>
        new() { RequestId = requestId, Key = key, Title = title, Priority = priority, LaunchDate = launchDate, KnownSince = at };
}
