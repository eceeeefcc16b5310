using MarketingDev.Metrics.Domain;

namespace MarketingDev.Metrics.Formulas;

public enum MetricUnit { Count, Days, Ratio, PerWeek, PerRequest, Minutes, HoursPerMonth, Score }

public enum MetricArea { Flow, Meetings, Knowledge, People }

/// <summary>One metric: its name on the wire, unit, what it measures (the README table is this list) and its formula.</summary>
public sealed record MetricDefinition(string Name, MetricArea Area, MetricUnit Unit, string Definition, string Events, Func<MetricContext, double?> Compute);

/// <summary>
/// The inputs of one window, with the rows each formula counts narrowed to the window's team and type and to the ones
/// that can count: every request formula counts a request by one instant in the period (drafting, first submission,
/// first readiness, first delivery, or a moment), so it is given the range of rows with that instant in the period
/// (<see cref="MetricIndex"/>) and gives the same value as over every row, without scanning a year of them.
/// </summary>
public sealed class MetricContext(MetricInputs inputs, MetricWindow window)
{
    private RequestScope? _scope;
    private IReadOnlyList<RequestRow>? _submitted;
    private IReadOnlyList<RequestRow>? _delivered;
    private double[]? _leadTimes;
    private double[]? _cycleTimes;
    private int? _postLaunchBugs;

    public MetricInputs Inputs { get; } = inputs;
    public MetricWindow Window { get; } = window;

    public MetricIndex Index => MetricIndex.Of(Inputs);

    private RequestScope Scope => _scope ??= Index.Scope(Window.Team, Window.Type);

    /// <summary>The requests of the scope drafted in the window.</summary>
    public IReadOnlyList<RequestRow> Drafted => Scope.Drafted.Between(Window.From, Window.To);

    /// <summary>The requests of the scope first submitted in the window.</summary>
    public IReadOnlyList<RequestRow> Submitted => _submitted ??= Scope.Submitted.Between(Window.From, Window.To);

    /// <summary>The requests of the scope first ready in the window.</summary>
    public IReadOnlyList<RequestRow> Ready => Scope.Ready.Between(Window.From, Window.To);

    /// <summary>The requests of the scope first delivered in the window.</summary>
    public IReadOnlyList<RequestRow> Delivered => _delivered ??= Scope.Delivered.Between(Window.From, Window.To);

    /// <summary>Lead times of those deliveries, ascending: the median and the 85th percentile share one sort.</summary>
    public double[] LeadTimes => _leadTimes ??= Stats.Sorted(FlowFormulas.LeadTimesOf(Delivered));

    /// <summary>Cycle times of those deliveries, ascending.</summary>
    public double[] CycleTimes => _cycleTimes ??= Stats.Sorted(FlowFormulas.CycleTimesOf(Delivered));

    /// <summary>Bugs reported within 30 days after a delivery in the window (the metric and the summary's count).</summary>
    public int PostLaunchBugs => _postLaunchBugs ??= FlowFormulas.PostLaunchBugsOf(Delivered, BugsAfterDeliveries);

    /// <summary>The moments (return, reopen, clarification, rework) of the scope's requests in the window.</summary>
    public IEnumerable<RequestMoment> Moments => Scope.Moments.Between(Window.From, Window.To).Select(m => m.Moment);

    /// <summary>The bugs that can be post-launch bugs of a delivery in the window: reported from its start to 30 days after its end.</summary>
    public IReadOnlyList<BugRow> BugsAfterDeliveries =>
        Index.Bugs.Through(Window.From, Window.To <= DateTimeOffset.MaxValue.AddDays(-FlowFormulas.PostLaunchBugDays)
            ? Window.To.AddDays(FlowFormulas.PostLaunchBugDays)
            : DateTimeOffset.MaxValue);

    /// <summary>Roadblocks of the requests in scope (all of them when no team or type is asked for).</summary>
    public IReadOnlyList<RoadblockRow> Roadblocks => Index.Roadblocks(Window.Team, Window.Type);
}

public static class MetricCatalog
{
    private const string RequestEvents = "RequestSubmitted, RequestDelivered";

    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        new("requestsDrafted", MetricArea.Flow, MetricUnit.Count, "Requests drafted in the period.", "RequestDrafted",
            c => c.Drafted.Count),
        new("requestsSubmitted", MetricArea.Flow, MetricUnit.Count, "Requests submitted for the first time in the period.", "RequestSubmitted",
            c => c.Submitted.Count),
        new("requestsDelivered", MetricArea.Flow, MetricUnit.Count, "Requests delivered for the first time in the period.", "RequestDelivered",
            c => c.Delivered.Count),
        new("leadTimeMedian", MetricArea.Flow, MetricUnit.Days, "Median days from first submission to first delivery, over the requests first delivered in the period.", RequestEvents,
            c => Stats.PercentileOfSorted(c.LeadTimes, 0.5)),
        new("leadTimeP85", MetricArea.Flow, MetricUnit.Days, "85th percentile (linear interpolation) of the same lead times.", RequestEvents,
            c => Stats.PercentileOfSorted(c.LeadTimes, 0.85)),
        new("cycleTimeMedian", MetricArea.Flow, MetricUnit.Days, "Median days from first inProgress to first delivery, over the requests first delivered in the period.", "RequestStatusChanged, RequestDelivered",
            c => Stats.PercentileOfSorted(c.CycleTimes, 0.5)),
        new("cycleTimeP85", MetricArea.Flow, MetricUnit.Days, "85th percentile of the same cycle times.", "RequestStatusChanged, RequestDelivered",
            c => Stats.PercentileOfSorted(c.CycleTimes, 0.85)),
        new("throughputPerWeek", MetricArea.Flow, MetricUnit.PerWeek, "Requests first delivered in the period per 7 days of the period.", "RequestDelivered",
            c => FlowFormulas.ThroughputPerWeekOf(c.Delivered, c.Window)),
        new("returnedForInformationRate", MetricArea.Flow, MetricUnit.Ratio, "Share of the requests first submitted in the period that were returned to draft at least once.", "RequestSubmitted, RequestStatusChanged (kind returned)",
            c => FlowFormulas.ReturnedRateOf(c.Submitted)),
        new("reworkRate", MetricArea.Flow, MetricUnit.Ratio, "Share of the requests first delivered in the period that were reopened at least once.", "RequestDelivered, RequestStatusChanged (kind reopened)",
            c => FlowFormulas.ReworkRateOf(c.Delivered)),
        new("clarificationRoundsPerDelivered", MetricArea.Flow, MetricUnit.PerRequest, "Mean number of clarifying questions asked on the requests first delivered in the period.", "ClarificationRequested, RequestDelivered",
            c => FlowFormulas.ClarificationRoundsOf(c.Delivered)),
        new("firstPassReadiness", MetricArea.Flow, MetricUnit.Ratio, "Share of the requests first submitted in the period with no warning finding at submission and never returned.", "RequestSubmitted (WarningFindings), RequestStatusChanged",
            c => FlowFormulas.FirstPassReadinessOf(c.Submitted)),
        new("estimateAccuracy", MetricArea.Flow, MetricUnit.Ratio, "Median of actual / estimated working days over the deliveries in the period that had an estimate (below 1: ahead of estimate).", "RequestEstimated, RequestDelivered",
            c => FlowFormulas.EstimateAccuracyOf(c.Delivered)),
        new("onTimeRate", MetricArea.Flow, MetricUnit.Ratio, "Share of the deliveries in the period with a launch date that came on or before it.", "RequestDelivered (LaunchDate)",
            c => FlowFormulas.OnTimeRateOf(c.Delivered)),
        new("postLaunchBugsPerDelivered", MetricArea.Flow, MetricUnit.PerRequest, "Bugs reported within 30 days after first delivery, per request first delivered in the period.", "BugReported, RequestDelivered",
            c => FlowFormulas.PostLaunchBugsPerDeliveredOf(c.Delivered, c.PostLaunchBugs)),
        new("openRoadblocks", MetricArea.Flow, MetricUnit.Count, "Roadblocks raised and not resolved at the end of the period (or now).", "RoadblockRaised, RoadblockResolved",
            c => FlowFormulas.OpenRoadblocks(c.Roadblocks, c.Window).Count),
        new("openRoadblockAgeMedian", MetricArea.Flow, MetricUnit.Days, "Median age in days of those open roadblocks.", "RoadblockRaised, RoadblockResolved",
            c => FlowFormulas.OpenRoadblockAgeMedian(c.Roadblocks, c.Window)),
        new("scopingTimeMedian", MetricArea.Flow, MetricUnit.Days, "Median days from first submission to first ready, over the requests first ready in the period.", "RequestSubmitted, RequestStatusChanged (to ready)",
            c => Stats.Median(FlowFormulas.ScopingTimesOf(c.Ready))),
        new("reworkHoursPerMonth", MetricArea.Flow, MetricUnit.HoursPerMonth, "Working days (8 h) from a return to the resubmission and from a reopen to the next delivery, ending in the period, per 30 days.", "RequestStatusChanged, RequestSubmitted, RequestDelivered",
            c => FlowFormulas.ReworkHoursPerMonth(c.Moments, c.Window)),
        new("meetingsHeld", MetricArea.Meetings, MetricUnit.Count, "Sync meetings completed in the period.", "MeetingCompleted",
            c => MeetingFormulas.Held(c.Inputs.Meetings, c.Window).Count),
        new("meetingPlannedMinutes", MetricArea.Meetings, MetricUnit.Minutes, "Planned minutes of those meetings, summed.", "MeetingCompleted",
            c => MeetingFormulas.Held(c.Inputs.Meetings, c.Window).Sum(m => m.PlannedMinutes)),
        new("meetingActualMinutes", MetricArea.Meetings, MetricUnit.Minutes, "Actual minutes of those meetings, summed.", "MeetingCompleted",
            c => MeetingFormulas.Held(c.Inputs.Meetings, c.Window).Sum(m => m.ActualMinutes)),
        new("meetingOverrunRate", MetricArea.Meetings, MetricUnit.Ratio, "Share of those meetings that ran longer than planned.", "MeetingCompleted",
            c => MeetingFormulas.OverrunRate(c.Inputs.Meetings, c.Window)),
        new("actionItemCompletionRate", MetricArea.Meetings, MetricUnit.Ratio, "Share of the action items assigned in the period that were completed by its end (or now).", "ActionItemAssigned, ActionItemCompleted",
            c => MeetingFormulas.ActionItemCompletionRate(c.Inputs.ActionItems, c.Window)),
        new("actionItemDaysToCloseMedian", MetricArea.Meetings, MetricUnit.Days, "Median days from assignment to completion of the action items completed in the period.", "ActionItemAssigned, ActionItemCompleted",
            c => MeetingFormulas.MedianDaysToClose(c.Inputs.ActionItems, c.Window)),
        new("overdueActionItems", MetricArea.Meetings, MetricUnit.Count, "Action items open at the end of the period (or now) whose due date has passed.", "ActionItemAssigned, ActionItemCompleted",
            c => MeetingFormulas.OverdueActionItems(c.Inputs.ActionItems, c.Window)),
        new("sessionsHeld", MetricArea.Meetings, MetricUnit.Count, "Cross-functional sessions held in the period (by type in sessionsByType, attendees per function in attendanceByFunction).", "SessionHeld",
            c => MeetingFormulas.Sessions(c.Inputs.Sessions, c.Window).Count),
        new("kickoffMinutesMedian", MetricArea.Meetings, MetricUnit.Minutes, "Median duration of the kickoff sessions held in the period.", "SessionHeld (type kickoff)",
            c => MeetingFormulas.KickoffMinutesMedian(c.Inputs.Sessions, c.Window)),
        new("searches", MetricArea.Knowledge, MetricUnit.Count, "Knowledge-base searches counted in the period.", "KnowledgeSearchesCounted",
            c => KnowledgeFormulas.Searches(c.Inputs.SearchCounts, c.Window)),
        new("selfServiceRate", MetricArea.Knowledge, MetricUnit.Ratio, "Searches with a result / all searches in the period.", "KnowledgeSearchesCounted",
            c => KnowledgeFormulas.SelfServiceRate(c.Inputs.SearchCounts, c.Window)),
        new("openGaps", MetricArea.Knowledge, MetricUnit.Count, "Knowledge gaps recorded and not closed at the end of the period (or now).", "KnowledgeGapRecorded, KnowledgeGapClosed",
            c => KnowledgeFormulas.OpenGaps(c.Inputs.Gaps, c.Window)),
        new("closedGaps", MetricArea.Knowledge, MetricUnit.Count, "Knowledge gaps closed in the period.", "KnowledgeGapClosed",
            c => KnowledgeFormulas.ClosedGaps(c.Inputs.Gaps, c.Window)),
        new("questionsPerWeek", MetricArea.Knowledge, MetricUnit.PerWeek, "Questions asked in the period per 7 days: the tap-on-the-shoulder proxy.", "QuestionAsked",
            c => KnowledgeFormulas.QuestionsPerWeek(c.Inputs.Questions, c.Window)),
        new("staleArticles", MetricArea.Knowledge, MetricUnit.Count, "Live articles whose last publication, revision or review is older than their review interval at the end of the period (or now).", "ArticlePublished, ArticleRevised, ArticleReviewed, ArticleDeleted",
            c => KnowledgeFormulas.StaleArticles(c.Inputs.Articles, c.Window)),
        new("surveyResponses", MetricArea.People, MetricUnit.Count, "Pulse-survey answers recorded in the period (means per dimension and function in survey).", "POST /api/v1/surveys/responses",
            c => PeopleFormulas.Responses(c.Inputs.SurveyResponses, c.Window).Count),
        new("collaborationScore", MetricArea.People, MetricUnit.Score, "Mean of the four survey dimensions (1-5) over the answers in the period; absent under 3 answers.", "POST /api/v1/surveys/responses",
            c => PeopleFormulas.CollaborationScore(c.Inputs.SurveyResponses, c.Window)),
        new("outcomesMetTargetRate", MetricArea.People, MetricUnit.Ratio, "Share of initiatives (request and KPI) whose latest measurement in the period meets its target.", "POST /api/v1/outcomes",
            c => PeopleFormulas.OutcomesMetTargetRate(c.Inputs.Outcomes, c.Window)),
    ];

    private static readonly Dictionary<string, MetricDefinition> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public static MetricDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    public static string Names => string.Join(", ", All.Select(m => m.Name));

    public static IReadOnlyDictionary<string, double?> ComputeAll(MetricInputs inputs, MetricWindow window) => ComputeAll(new MetricContext(inputs, window));

    /// <summary>Every metric of the context's window (a finished window's once per inputs: <see cref="MetricIndex.Metrics"/>).</summary>
    public static IReadOnlyDictionary<string, double?> ComputeAll(MetricContext context) =>
        context.Index.Metrics(context.Window, () => All.ToDictionary(m => m.Name, m => m.Compute(context), StringComparer.Ordinal));
}
