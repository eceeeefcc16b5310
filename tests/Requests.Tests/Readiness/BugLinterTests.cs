using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Bugs;

namespace MarketingDev.Requests.Tests.Readiness;

public sealed class BugLinterTests
{
    private static Bug Bug(string[] steps, string expected, string actual, BugEnvironment environment, string[] evidence) =>
        Domain.Bug.Report(1, null, "Title", steps, expected, actual, environment, BugSeverity.High, evidence, new ServiceDefaults.Identity.Actor("key-maria", "maria", ServiceDefaults.Identity.Role.Marketing), DateTimeOffset.UnixEpoch);

    private static readonly BugEnvironment Env = new("https://example.com", "Firefox", "macOS", "laptop");

    public static TheoryData<string, Bug, string[]> Cases => new()
    {
        { "complete", Bug(["Open", "Click"], "Yearly", "Monthly", Env, ["https://x/shot.png"]), [] },
        { "no steps", Bug([], "Yearly", "Monthly", Env, ["https://x/shot.png"]), ["BUG_NO_STEPS"] },
        { "blank steps only", Bug([" "], "Yearly", "Monthly", Env, ["https://x/shot.png"]), ["BUG_NO_STEPS"] },
        { "same expected and actual", Bug(["Open"], "It works", " it works ", Env, ["https://x/shot.png"]), ["BUG_EXPECTED_EQUALS_ACTUAL"] },
        { "no expected", Bug(["Open"], "", "Monthly", Env, ["https://x/shot.png"]), ["BUG_EXPECTED_OR_ACTUAL_MISSING"] },
        { "no environment", Bug(["Open"], "Yearly", "Monthly", new("", "", "", ""), ["https://x/shot.png"]), ["BUG_NO_ENVIRONMENT"] },
        { "no evidence", Bug(["Open"], "Yearly", "Monthly", Env, []), ["BUG_NO_EVIDENCE"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lint_FindsWhatMakesTheReportHardToActOn(string _, Bug bug, string[] codes) =>
        Assert.Equal(codes, BugLinter.Lint(bug).Select(f => f.Code));
}
