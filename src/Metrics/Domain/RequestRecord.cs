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
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Times development sent it back for more information: clarification rounds that cost a cycle.</summary>
    public int Returns { get; private set; }

    /// <summary>Times it came back after delivery: rework.</summary>
    public int Reopens { get; private set; }
    /// <summary>Clarifying questions developers had to ask.</summary>
    public int Clarifications { get; private set; }
    public int Roadblocks { get; private set; }

    /// <summary>Bugs reported against it after it was delivered.</summary>
    public int PostLaunchBugs { get; private set; }
    public double? EstimateDays { get; private set; }
    public int? ActualDays { get; private set; }

    public void Submitted(DateTimeOffset at) => SubmittedAt ??= at;

    public void StatusChanged(string kind)
    {
        if (kind == "returned")
        {
            Returns++;
        }
        else if (kind == "reopened")
        {
            Reopens++;
        }
    }

    public void ClarificationAsked() => Clarifications++;

    public void RoadblockRaised() => Roadblocks++;

    public void BugReported(DateTimeOffset? deliveredAt, DateTimeOffset reportedAt)
    {
        if (deliveredAt is { } delivered && reportedAt >= delivered)
        {
            PostLaunchBugs++;
        }
    }

    public void Delivered(DateTimeOffset at, double? estimateDays, int actualDays)
    {
        DeliveredAt = at;
        EstimateDays = estimateDays;
        ActualDays = actualDays;
    }

    public static RequestRecord Drafted(Guid requestId, string key, string type, string priority, DateOnly? launchDate, DateTimeOffset at) =>
        new() { RequestId = requestId, Key = key, Type = type, Priority = priority, LaunchDate = launchDate, DraftedAt = at };
}
