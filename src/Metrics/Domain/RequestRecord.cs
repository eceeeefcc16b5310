namespace MarketingDev.Metrics.Domain;

/// <summary>What Metrics knows of a request, kept from its events; lead and cycle times are computed from these dates.</summary>
public sealed class RequestRecord
{
    private RequestRecord()
    {
    }

    public Guid RequestId { get; private set; }
    public string Key { get; private set; } = "";
    public string Type { get; private set; } = "";
    public string Priority { get; private set; } = "";
    public DateOnly? LaunchDate { get; private set; }
    public DateTimeOffset DraftedAt { get; private set; }

    public static RequestRecord Drafted(Guid requestId, string key, string type, string priority, DateOnly? launchDate, DateTimeOffset at) =>
        new() { RequestId = requestId, Key = key, Type = type, Priority = priority, LaunchDate = launchDate, DraftedAt = at };
}
