using MarketingDev.Contracts.Events;
using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Contracts.Events.SyncMeetings;

namespace MarketingDev.Metrics.Tests.Scenario;

/// <summary>Builds the agreed integration events the way their producers publish them, each with a fresh EventId.</summary>
internal static class Script
{
    /// <summary>
    /// Day 0 of the scenario: the Monday (00:00 UTC) eight weeks before this week's, so the scenario lies in the past
    /// (survey answers, recorded now, get a period of their own) and weekdays fall the same way on every run.
    /// </summary>
    public static readonly DateTimeOffset Start = MondayOf(DateTimeOffset.UtcNow).AddDays(-56);

    public static DateTimeOffset At(int day, int hour = 10) => Start.AddDays(day).AddHours(hour);

    public static DateOnly Date(int day) => DateOnly.FromDateTime(Start.AddDays(day).UtcDateTime);

    public static DateTimeOffset MondayOf(DateTimeOffset instant)
    {
        var day = instant.UtcDateTime.Date;
        return new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero);
    }

    public static Guid NewId() => Guid.NewGuid();

    public static BugReported Bug(Guid? requestId, DateTimeOffset at) =>
        new(NewId(), at, NewId(), "BUG-" + at.ToString("MMddHH", System.Globalization.CultureInfo.InvariantCulture), requestId, null, null, "high", "maria");

    public static MeetingCompleted Meeting(DateTimeOffset at, int planned, int actual, Dictionary<string, int>? attendance = null) =>
        new(NewId(), at, NewId(), NewId(), "Marketing-Dev Sync", DateOnly.FromDateTime(at.UtcDateTime), planned, actual,
            [new SectionMinutes("initiatives", 10, 10)], attendance ?? new Dictionary<string, int> { ["marketing"] = 2 }, 1, 0);

    public static (ActionItemAssigned Assigned, Guid Id) ActionItem(DateTimeOffset at, DateOnly due)
    {
        var id = NewId();
        return (new ActionItemAssigned(NewId(), at, id, NewId(), NewId(), "Follow up", "dave", due, null), id);
    }

    public static ActionItemCompleted Completed(Guid actionItemId, DateTimeOffset assignedAt, DateOnly due, DateTimeOffset at) =>
        new(NewId(), at, actionItemId, NewId(), NewId(), "dave", due, assignedAt, "dave", "dave");

    public static SessionHeld Session(string type, DateTimeOffset at, int minutes, Dictionary<string, int> attendance) =>
        new(NewId(), at, NewId(), type, type + " session", DateOnly.FromDateTime(at.UtcDateTime), minutes, "development", attendance, null);

    public static KnowledgeSearchesCounted Searches(DateTimeOffset at, long searches, long withResult) =>
        new(NewId(), at, at.AddHours(-1), at, "kb-1", searches, withResult);

    public static KnowledgeGapRecorded Gap(Guid gapId, DateTimeOffset at) => new(NewId(), at, gapId, "hubspot quota", 1);

    public static KnowledgeGapClosed GapClosed(Guid gapId, DateTimeOffset recordedAt, DateTimeOffset at) =>
        new(NewId(), at, gapId, "hubspot quota", null, "resolved", recordedAt, 2);

    public static QuestionAsked Question(DateTimeOffset at) => new(NewId(), at, NewId(), "maria", "maria", 0);

    public static ArticlePublished Article(Guid id, DateTimeOffset at, int interval) =>
        new(NewId(), at, id, "procedure", "How we ship", [], "web", interval, "dave", "dave");
}

/// <summary>One request's events, as the Requests service publishes them on each move.</summary>
internal sealed class RequestScript(string key, string team, string type, DateOnly? launchDate)
{
    public Guid Id { get; } = Guid.NewGuid();

    public List<IIntegrationEvent> Events { get; } = [];

    public RequestScript Drafted(DateTimeOffset at) =>
        Add(new RequestDrafted(Script.NewId(), at, Id, key, key + " title", type, "high", launchDate, "maria", team));

    public RequestScript Submitted(DateTimeOffset at, int warnings) =>
        Add(new RequestSubmitted(Script.NewId(), at, Id, key, type, "high", launchDate, 90, "maria", "maria", warnings))
            .Moved(at, "draft", "submitted", "submitted");

    public RequestScript Moved(DateTimeOffset at, string from, string to, string kind, string? reason = null) =>
        Add(new RequestStatusChanged(Script.NewId(), at, Id, key, from, to, kind, reason, "dave", type, "high", launchDate, null, null));

    public RequestScript Returned(DateTimeOffset at) => Moved(at, "submitted", "draft", "returned", "Which audience?");

    public RequestScript Reviewed(DateTimeOffset inReview, DateTimeOffset ready) =>
        Moved(inReview, "submitted", "inReview", "advanced").Moved(ready, "inReview", "ready", "advanced");

    public RequestScript Started(DateTimeOffset at) => Moved(at, "ready", "inProgress", "advanced");

    public RequestScript Estimated(DateTimeOffset at, double days) => Add(new RequestEstimated(Script.NewId(), at, Id, key, "m", days, false, "dave"));

    public RequestScript Clarification(DateTimeOffset at) => Add(new ClarificationRequested(Script.NewId(), at, Id, Script.NewId(), key, "dave"));

    public RequestScript Delivered(DateTimeOffset at, double? estimate, int actual) =>
        Moved(at, "inProgress", "delivered", "delivered")
            .Add(new RequestDelivered(Script.NewId(), at, Id, key, type, "high", launchDate, null, estimate, actual));

    public RequestScript Reopened(DateTimeOffset at) => Moved(at, "delivered", "inProgress", "reopened", "Form broken on Safari");

    public RequestScript Roadblock(DateTimeOffset raised, DateTimeOffset? resolved = null)
    {
        var id = Script.NewId();
        Add(new RoadblockRaised(Script.NewId(), raised, id, Id, key, key + " title", "HubSpot API quota", "high", "dave"));
        return resolved is { } at ? Add(new RoadblockResolved(Script.NewId(), at, id, Id, key, "Quota raised", "dave", raised)) : this;
    }

    private RequestScript Add(IIntegrationEvent e)
    {
        Events.Add(e);
        return this;
    }
}
