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
