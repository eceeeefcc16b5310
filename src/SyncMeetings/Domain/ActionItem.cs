namespace MarketingDev.SyncMeetings.Domain;

/// <summary>Something someone owns after a sync; it is on every agenda of its series until it is done.</summary>
public sealed class ActionItem
{
    private ActionItem()
    {
    }

    public Guid Id { get; private set; }
    public Guid SeriesId { get; private set; }
    public Guid MeetingId { get; private set; }
    public string Title { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public Guid? RequestId { get; private set; }
    public ActionItemStatus Status { get; private set; }
    public string AssignedById { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }
    public string? CompletedById { get; private set; }
    public string? CompletedBy { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public static ActionItem Assign(Meeting meeting, string title, string owner, DateOnly dueDate, Guid? requestId, string byId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), SeriesId = meeting.SeriesId, MeetingId = meeting.Id, Title = title, Owner = owner, DueDate = dueDate,
        RequestId = requestId, Status = ActionItemStatus.Open, AssignedById = byId, AssignedAt = now,
    };

    public bool IsOverdue(DateOnly today) => Status == ActionItemStatus.Open && DueDate < today;

    public void Complete(string byId, string by, DateTimeOffset now)
    {
        Status = ActionItemStatus.Done;
        CompletedById = byId;
        CompletedBy = by;
        CompletedAt = now;
    }
}
