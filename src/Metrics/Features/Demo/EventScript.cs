using System.Globalization;
using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Contracts.Events.SyncMeetings;

namespace MarketingDev.Metrics.Features.Demo;

/// <summary>
/// Builds the agreed integration events the way their producers publish them. Ids come from <c>ids</c> (the demo's
/// seeded generator, so a second seed has the same event ids) or are fresh (the tests' scripts).
/// </summary>
public static class EventScript
{
    public static BugReported Bug(Guid? requestId, DateTimeOffset at, Func<Guid>? ids = null) =>
        new(Next(ids), at, Next(ids), "BUG-" + at.ToString("MMddHH", CultureInfo.InvariantCulture), requestId, null, null, "high", "maria");

    public static MeetingCompleted Meeting(DateTimeOffset at, int planned, int actual, Dictionary<string, int>? attendance = null, Func<Guid>? ids = null) =>
        new(Next(ids), at, Next(ids), Next(ids), "Marketing-Dev Sync", DateOnly.FromDateTime(at.UtcDateTime), planned, actual,
            [new SectionMinutes("initiatives", 10, 10)], attendance ?? new Dictionary<string, int> { ["marketing"] = 2 }, 1, 0);

    public static (ActionItemAssigned Assigned, Guid Id) ActionItem(DateTimeOffset at, DateOnly due, Func<Guid>? ids = null)
    {
        var id = Next(ids);
        return (new ActionItemAssigned(Next(ids), at, id, Next(ids), Next(ids), "Follow up", "dave", due, null), id);
    }

    public static ActionItemCompleted Completed(Guid actionItemId, DateTimeOffset assignedAt, DateOnly due, DateTimeOffset at, Func<Guid>? ids = null) =>
        new(Next(ids), at, actionItemId, Next(ids), Next(ids), "dave", due, assignedAt, "dave", "dave");

    public static SessionHeld Session(string type, DateTimeOffset at, int minutes, Dictionary<string, int> attendance, Func<Guid>? ids = null) =>
        new(Next(ids), at, Next(ids), type, type + " session", DateOnly.FromDateTime(at.UtcDateTime), minutes, "development", attendance, null);

    public static KnowledgeSearchesCounted Searches(DateTimeOffset at, long searches, long withResult, Func<Guid>? ids = null) =>
        new(Next(ids), at, at.AddHours(-1), at, "kb-1", searches, withResult);

    public static KnowledgeGapRecorded Gap(Guid gapId, DateTimeOffset at, Func<Guid>? ids = null) => new(Next(ids), at, gapId, "hubspot quota", 1);

    public static KnowledgeGapClosed GapClosed(Guid gapId, DateTimeOffset recordedAt, DateTimeOffset at, Func<Guid>? ids = null) =>
        new(Next(ids), at, gapId, "hubspot quota", null, "resolved", recordedAt, 2);

    public static QuestionAsked Question(DateTimeOffset at, Func<Guid>? ids = null) => new(Next(ids), at, Next(ids), "maria", "maria", 0);

    public static QuestionAnswered Answered(QuestionAsked question, DateTimeOffset at, Func<Guid>? ids = null) =>
        new(Next(ids), at, question.QuestionId, "dave", "dave", null, question.OccurredAt);

    public static ArticlePublished Article(Guid id, DateTimeOffset at, int interval, Func<Guid>? ids = null) =>
        new(Next(ids), at, id, "procedure", "How we ship", [], "web", interval, "dave", "dave");

    internal static Guid Next(Func<Guid>? ids) => ids?.Invoke() ?? Guid.NewGuid();
}
