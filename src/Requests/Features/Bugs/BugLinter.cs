using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Readiness;

namespace MarketingDev.Requests.Features.Bugs;

/// <summary>What makes a bug report hard to act on, returned with the report so the reporter can improve it. Pure.</summary>
public static class BugLinter
{
    public static IReadOnlyList<Finding> Lint(Bug bug)
    {
        var findings = new List<Finding>();
        if (bug.StepsToReproduce.Count == 0)
        {
            findings.Add(new("BUG_NO_STEPS", Severity.Warning, "#/stepsToReproduce", "List the steps that reproduce the bug."));
        }

        if (string.IsNullOrWhiteSpace(bug.Expected) || string.IsNullOrWhiteSpace(bug.Actual))
        {
            findings.Add(new("BUG_EXPECTED_OR_ACTUAL_MISSING", Severity.Warning, string.IsNullOrWhiteSpace(bug.Expected) ? "#/expected" : "#/actual",
                "Say both what you expected and what happened."));
        }
        else if (string.Equals(bug.Expected.Trim(), bug.Actual.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new("BUG_EXPECTED_EQUALS_ACTUAL", Severity.Warning, "#/actual", "Expected and actual say the same thing: what went wrong?"));
        }

        if (bug.Environment.IsEmpty)
        {
            findings.Add(new("BUG_NO_ENVIRONMENT", Severity.Warning, "#/environment", "Give the page URL, browser, OS and device."));
        }

        if (bug.Evidence.Count == 0)
        {
            findings.Add(new("BUG_NO_EVIDENCE", Severity.Info, "#/evidence", "A screenshot or recording link speeds up the fix."));
        }

        return findings;
    }
}
