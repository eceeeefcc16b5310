namespace MarketingDev.SyncMeetings.Domain;

/// <summary>A quick-win idea anyone drops into a series; the next sync discusses, drops or promotes it to a draft request.</summary>
public sealed class Idea
{
    private Idea()
    {
    }

    public Guid Id { get; private set; }
    public Guid SeriesId { get; private set; }
    public string Text { get; private set; } = "";
    public IdeaStatus Status { get; private set; }
    public string ById { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? RequestId { get; private set; }

    public static Idea Collect(Guid seriesId, string text, string byId, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), SeriesId = seriesId, Text = text, Status = IdeaStatus.New, ById = byId, By = by, CreatedAt = now, UpdatedAt = now,
    };

    public void Decide(IdeaStatus status, Guid? requestId, DateTimeOffset now)
    {
        Status = status;
        RequestId = requestId ?? RequestId;
        UpdatedAt = now;
    }
}
