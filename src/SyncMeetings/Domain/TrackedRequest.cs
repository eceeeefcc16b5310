namespace MarketingDev.SyncMeetings.Domain;

/// <summary>
/// A request as the agenda sees it, built only from the Requests events. Events may arrive in any order (an edit
/// before the draft, a status change before the submission), so each group of fields keeps the time of the event
/// that set it and an older event never overwrites a newer one.
/// </summary>
public sealed class TrackedRequest
{
    private TrackedRequest()
    {
    }

    public Guid RequestId { get; private set; }
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Type { get; private set; } = "";
    public string Priority { get; private set; } = "";
    public DateOnly? LaunchDate { get; private set; }
    public DateTimeOffset ContentAt { get; private set; } = DateTimeOffset.MinValue;
    public int ContentVersion { get; private set; }
    public string Status { get; private set; } = "";
    public DateTimeOffset StatusAt { get; private set; } = DateTimeOffset.MinValue;
    public string? EstimateSize { get; private set; }
    public double? EstimateDays { get; private set; }
    public bool QuickWin { get; private set; }
    public DateTimeOffset EstimateAt { get; private set; } = DateTimeOffset.MinValue;
    public DateTimeOffset LastActivityAt { get; private set; } = DateTimeOffset.MinValue;

    public static TrackedRequest New(Guid requestId, string key) => new() { RequestId = requestId, Key = key };

    public void Content(DateTimeOffset at, int version, string? title, string type, string priority, DateOnly? launchDate)
    {
        Touch(at);
        if (at < ContentAt || (at == ContentAt && version < ContentVersion))
        {
            return;
        }

        ContentAt = at;
        ContentVersion = Math.Max(version, ContentVersion);
        Title = string.IsNullOrEmpty(title) ? Title : title;
        Type = type;
        Priority = priority;
        LaunchDate = launchDate;
    }

    public void StatusIs(DateTimeOffset at, string status)
    {
        Touch(at);
        if (at >= StatusAt)
        {
            StatusAt = at;
            Status = status;
        }
    }

    public void Estimated(DateTimeOffset at, string? size, double? days, bool? quickWin)
    {
        Touch(at);
        if (at < EstimateAt || size is null)
        {
            return;
        }

        EstimateAt = at;
        EstimateSize = size;
        EstimateDays = days;
        QuickWin = quickWin ?? QuickWin;
    }

    /// <summary>
    /// The estimate a status change carries: only a fallback until a RequestEstimated (which also says whether it is a
    /// quick win) has been applied, so a late, older estimate event still counts.
    /// </summary>
    public void EstimateSeen(string? size, double? days)
    {
        if (EstimateAt == DateTimeOffset.MinValue && size is not null)
        {
            EstimateSize = size;
            EstimateDays = days;
        }
    }

    public void KnownAs(string key, string? title)
    {
        Key = Key.Length == 0 ? key : Key;
        Title = Title.Length == 0 && !string.IsNullOrEmpty(title) ? title : Title;
    }

    public void Touch(DateTimeOffset at) => LastActivityAt = at > LastActivityAt ? at : LastActivityAt;
}
