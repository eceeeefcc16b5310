namespace MarketingDev.Metrics.Formulas;

public enum ClaimKind { Relative, Absolute, AtMost, AtLeast }

public sealed record ClaimDefinition(string Name, string Promise, string Metric, double Promised, ClaimKind Kind);

public sealed record ClaimResult(ClaimDefinition Claim, double? Baseline, double? Current, double? Measured, bool? Met);

/// <summary>What the practice promises, each as a metric measured against the baseline period.</summary>
public static class Claims
{
    /// <summary>-0.3 measured as -0.29999999999999993 still meets -30%.</summary>
    private const double Tolerance = 1e-9;

    public static readonly IReadOnlyList<ClaimDefinition> All =
    [
        new("miscommunicationReturns", "Miscommunication -30%: fewer requests returned for information", "returnedForInformationRate", -0.30, ClaimKind.Relative),
        new("miscommunicationClarifications", "Miscommunication -30%: fewer clarification rounds per request", "clarificationRoundsPerDelivered", -0.30, ClaimKind.Relative),
        new("reworkSaved", "15 hours a month of rework saved", "reworkHoursPerMonth", -15, ClaimKind.Absolute),
        new("scopingTime", "Scoping time -20% (submitted to ready, median)", "scopingTimeMedian", -0.20, ClaimKind.Relative),
        new("kickoffMeetings", "Kick-off meetings -40% (median duration)", "kickoffMinutesMedian", -0.40, ClaimKind.Relative),
        new("interruptions", "Tap-on-the-shoulder interruptions -25% (questions asked per week)", "questionsPerWeek", -0.25, ClaimKind.Relative),
        new("aheadOfEstimate", "Projects ahead of estimate (median actual / estimate at most 1)", "estimateAccuracy", 1.0, ClaimKind.AtMost),
        new("postLaunchBugs", "Post-launch bugs -30% (per delivered request)", "postLaunchBugsPerDelivered", -0.30, ClaimKind.Relative),
        new("collaborationScores", "Collaboration scores +25% (pulse survey)", "collaborationScore", 0.25, ClaimKind.Relative),
        new("campaignKpis", "Campaign KPIs beyond target (at least half of the initiatives meet their target)", "outcomesMetTargetRate", 0.5, ClaimKind.AtLeast),
    ];

    /// <summary>
    /// Relative: (current − baseline) / baseline, met when at least as far as promised in the promised direction.
    /// Absolute: current − baseline, likewise. At most / at least: the current value against the threshold.
    /// </summary>
    public static ClaimResult Evaluate(ClaimDefinition claim, double? baseline, double? current)
    {
        double? measured = (baseline, current) switch
        {
            ({ } b, { } c) when claim.Kind == ClaimKind.Relative => b == 0 ? null : (c - b) / b,
            ({ } b, { } c) => c - b,
            _ => null,
        };
        bool? met = claim.Kind switch
        {
            ClaimKind.AtMost => current is { } c ? c <= claim.Promised : null,
            ClaimKind.AtLeast => current is { } c ? c >= claim.Promised : null,
            _ => measured is { } m ? (claim.Promised < 0 ? m <= claim.Promised + Tolerance : m >= claim.Promised - Tolerance) : null,
        };
        return new ClaimResult(claim, baseline, current, measured, met);
    }
}
