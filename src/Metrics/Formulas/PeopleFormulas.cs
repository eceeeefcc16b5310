using MarketingDev.Metrics.Domain;

namespace MarketingDev.Metrics.Formulas;

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
    public static double? OutcomesMetTargetRate(IEnumerable<Outcome> outcomes, MetricWindow w)
    {
        // One pass keeping each initiative's latest (by measurement, then recording; of equals the last given), where
        // grouping and sorting every initiative's measurements cost a year's summary milliseconds.
        var latest = new Dictionary<(Guid RequestId, string Kpi), Outcome>();
        foreach (var o in outcomes)
        {
            if (w.Contains(o.MeasuredAt))
            {
                var key = (o.RequestId, o.Kpi.ToUpperInvariant());
                if (!latest.TryGetValue(key, out var kept) || (o.MeasuredAt, o.RecordedAt).CompareTo((kept.MeasuredAt, kept.RecordedAt)) >= 0)
                {
                    latest[key] = o;
                }
            }
        }

        return Stats.Share(latest.Values, o => Outcome.MeetsTarget(o.Baseline, o.Target, o.Actual));
    }

    private static SurveyGroupResult Group(string name, List<SurveyResponse> answers) =>
        answers.Count < MinimumGroup
            ? new(name, answers.Count, null, null, null, null)
            : new(name, answers.Count, answers.Average(a => a.Communication), answers.Average(a => a.Clarity), answers.Average(a => a.Trust), answers.Average(a => a.Speed));
}
