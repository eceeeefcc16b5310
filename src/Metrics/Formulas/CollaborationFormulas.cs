using MarketingDev.Metrics.Domain;

namespace MarketingDev.Metrics.Formulas;

/// <summary>Sync meetings, action items and cross-functional sessions.</summary>
public static class MeetingFormulas
{
    public static List<MeetingRow> Held(IEnumerable<MeetingRow> meetings, MetricWindow w) => meetings.Where(m => w.Contains(m.HeldAt)).ToList();

    public static double? OverrunRate(IEnumerable<MeetingRow> meetings, MetricWindow w) => Stats.Share(Held(meetings, w), m => m.ActualMinutes > m.PlannedMinutes);

    /// <summary>Share of the action items assigned in the period that were done by its end (or now).</summary>
    public static double? ActionItemCompletionRate(IEnumerable<ActionItemRow> items, MetricWindow w) =>
        Stats.Share(items.Where(i => w.Contains(i.AssignedAt)).ToList(), i => i.CompletedAt < w.AsOf);

    public static double? MedianDaysToClose(IEnumerable<ActionItemRow> items, MetricWindow w) =>
        Stats.Median(items.Where(i => w.Contains(i.CompletedAt) && i.AssignedAt is not null).Select(i => (i.CompletedAt!.Value - i.AssignedAt!.Value).TotalDays));

    /// <summary>Open at the window's end with a due date before that day.</summary>
    public static int OverdueActionItems(IEnumerable<ActionItemRow> items, MetricWindow w)
    {
        var day = DateOnly.FromDateTime(w.AsOf.UtcDateTime);
        return items.Count(i => i.AssignedAt < w.AsOf && (i.CompletedAt is null || i.CompletedAt >= w.AsOf) && i.DueDate < day);
    }

    public static List<SessionRow> Sessions(IEnumerable<SessionRow> sessions, MetricWindow w) => sessions.Where(s => w.Contains(s.HeldAt)).ToList();

    public static SortedDictionary<string, long> SessionsByType(IEnumerable<SessionRow> sessions, MetricWindow w) =>
        new(Sessions(sessions, w).GroupBy(s => s.Type).ToDictionary(g => g.Key, g => (long)g.Count()), StringComparer.Ordinal);

    /// <summary>Attendees per function summed over the sessions held in the period.</summary>
    public static SortedDictionary<string, long> AttendanceByFunction(IEnumerable<SessionRow> sessions, MetricWindow w) =>
        new(Sessions(sessions, w).SelectMany(s => s.Attendance).GroupBy(a => a.Function).ToDictionary(g => g.Key, g => g.Sum(a => (long)a.Count)), StringComparer.Ordinal);

    public static double? KickoffMinutesMedian(IEnumerable<SessionRow> sessions, MetricWindow w) =>
        Stats.Median(Sessions(sessions, w).Where(s => s.Type == "kickoff").Select(s => (double)s.DurationMinutes));
}

/// <summary>Self-service in the knowledge base and the interruptions it is meant to replace.</summary>
public static class KnowledgeFormulas
{
    public static long Searches(IEnumerable<SearchCountRow> counts, MetricWindow w) => counts.Where(c => w.Contains(c.CountedAt)).Sum(c => c.Searches);

    public static double? SelfServiceRate(IEnumerable<SearchCountRow> counts, MetricWindow w)
    {
        var inPeriod = counts.Where(c => w.Contains(c.CountedAt)).ToList();
        return Stats.Ratio(inPeriod.Sum(c => c.SearchesWithResult), inPeriod.Sum(c => c.Searches));
    }

    public static int OpenGaps(IEnumerable<GapRow> gaps, MetricWindow w) =>
        gaps.Count(g => g.RecordedAt < w.AsOf && (g.ClosedAt is null || g.ClosedAt >= w.AsOf));

    public static int ClosedGaps(IEnumerable<GapRow> gaps, MetricWindow w) => gaps.Count(g => w.Contains(g.ClosedAt));

    public static double? QuestionsPerWeek(IEnumerable<QuestionRow> questions, MetricWindow w) =>
        Stats.Ratio(questions.Count(q => w.Contains(q.AskedAt)), w.Weeks);

    /// <summary>Live at the window's end and not published, revised or reviewed within its review interval.</summary>
    public static int StaleArticles(IEnumerable<ArticleRow> articles, MetricWindow w) =>
        articles.Count(a => a.PublishedAt < w.AsOf && (a.DeletedAt is null || a.DeletedAt >= w.AsOf)
                            && a.ReviewIntervalDays > 0 && a.LastReviewedAt?.AddDays(a.ReviewIntervalDays) < w.AsOf);

    public static int ArticlesPublished(IEnumerable<ArticleRow> articles, MetricWindow w) => articles.Count(a => w.Contains(a.PublishedAt));
}

/// <summary>The pulse survey and business outcomes.</summary>
public static class PeopleFormulas
{
    /// <summary>Below this many answers a group's means are hidden: a mean of two answers would give each one away.</summary>
    public const int MinimumGroup = 3;

    public sealed record SurveyGroupResult(string Group, int Answers, double? Communication, double? Clarity, double? Trust, double? Speed);

    public static List<SurveyResponse> Responses(IEnumerable<SurveyResponse> responses, MetricWindow w) => responses.Where(r => w.Contains(r.RecordedAt)).ToList();

    /// <summary>Means per dimension for everyone ("all") and per function; hidden for groups under three answers.</summary>
    public static List<SurveyGroupResult> SurveyGroups(IEnumerable<SurveyResponse> responses, MetricWindow w)
    {
        var inPeriod = Responses(responses, w);
        var groups = new List<SurveyGroupResult> { Group("all", inPeriod) };
        groups.AddRange(inPeriod.GroupBy(r => r.Function).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Group(g.Key, g.ToList())));
        return groups;
    }

    /// <summary>The mean of all four dimensions over every answer in the period (1-5); hidden under three answers.</summary>
    public static double? CollaborationScore(IEnumerable<SurveyResponse> responses, MetricWindow w)
    {
        var inPeriod = Responses(responses, w);
        return inPeriod.Count < MinimumGroup ? null : inPeriod.Average(r => (r.Communication + r.Clarity + r.Trust + r.Speed) / 4.0);
    }

    /// <summary>Share of initiatives (request and KPI) whose latest measurement in the period meets its target.</summary>
    public static double? OutcomesMetTargetRate(IEnumerable<Outcome> outcomes, MetricWindow w) =>
        Stats.Share(outcomes.Where(o => w.Contains(o.MeasuredAt))
            .GroupBy(o => (o.RequestId, Kpi: o.Kpi.ToUpperInvariant()))
            .Select(g => g.OrderBy(o => o.MeasuredAt).ThenBy(o => o.RecordedAt).Last())
            .ToList(), o => Outcome.MeetsTarget(o.Baseline, o.Target, o.Actual));

    private static SurveyGroupResult Group(string name, List<SurveyResponse> answers) =>
        answers.Count < MinimumGroup
            ? new(name, answers.Count, null, null, null, null)
            : new(name, answers.Count, answers.Average(a => a.Communication), answers.Average(a => a.Clarity), answers.Average(a => a.Trust), answers.Average(a => a.Speed));
}
