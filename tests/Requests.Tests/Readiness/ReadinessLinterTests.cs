using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Readiness;

namespace MarketingDev.Requests.Tests.Readiness;

/// <summary>Table-driven tests of the pure readiness rules: one change to a ready request, one expected finding.</summary>
public sealed class ReadinessLinterTests
{
    private static readonly DateOnly Today = new(2026, 11, 24); // a Tuesday

    /// <summary>A request with nothing to object to: every rule's starting point.</summary>
    private static RequestContent Ready(RequestType type = RequestType.LandingPage) => new(
        "Spring landing page",
        type,
        Priority.High,
        Today.AddDays(30),
        "Growth",
        new RequestDetails(
            new UserStory("campaign manager", "a landing page for the spring offer", "we capture 500 qualified leads"),
            [new AcceptanceCriterion("AC1", "When the form is submitted, a thank-you message appears within 1 second")],
            new MarketingContext("Spring lead generation", "SMB owners", "Pipeline for Q2", new Kpi("Sign-ups", 120, 500, "per week")),
            [new DesignAsset("https://figma.com/file/abc", AssetKind.Figma, "Hero")],
            [new TrackingRequirement("sign_up", "Form submitted", [new TrackingParameter("method", "form")])],
            [new Benchmark("https://example.com/landing", "Competitor")]));

    private static RequestContent WithDetails(Func<RequestDetails, RequestDetails> change, RequestType type = RequestType.LandingPage)
    {
        var ready = Ready(type);
        return ready with { Details = change(ready.Details) };
    }

    private static TrackingRequirement Event(string name, params string[] parameters) =>
        new(name, "trigger", parameters.Select(p => new TrackingParameter(p, "")).ToList());

    [Fact]
    public void ReadyRequest_HasNoFindings_AndScores100()
    {
        var report = ReadinessLinter.Lint(Ready(), Today, ReadinessRules.Default);

        Assert.Empty(report.Findings);
        Assert.Equal(100, report.Score);
        Assert.True(report.Ready);
        Assert.Equal(ReadinessRules.Default.Version, report.RulesVersion);
    }

    public static TheoryData<string, RequestContent, string, Severity, string> Cases => new()
    {
        { "story without 'so that'", WithDetails(d => d with { UserStory = d.UserStory with { SoThat = " " } }), "STORY_INCOMPLETE", Severity.Error, "#/userStory/soThat" },
        { "story without 'as a'", WithDetails(d => d with { UserStory = d.UserStory with { AsA = "" } }), "STORY_INCOMPLETE", Severity.Error, "#/userStory/asA" },
        { "no criteria", WithDetails(d => d with { AcceptanceCriteria = [] }), "NO_ACCEPTANCE_CRITERIA", Severity.Error, "#/acceptanceCriteria" },
        { "pretty", WithDetails(d => d with { AcceptanceCriteria = [new("AC1", "Make it pretty")] }), "CRITERION_VAGUE", Severity.Warning, "#/acceptanceCriteria/0/text" },
        { "fast, second criterion", WithDetails(d => d with { AcceptanceCriteria = [d.AcceptanceCriteria[0], new("AC2", "The page must be FAST")] }), "CRITERION_VAGUE", Severity.Warning, "#/acceptanceCriteria/1/text" },
        { "user-friendly", WithDetails(d => d with { AcceptanceCriteria = [new("AC1", "A user-friendly form")] }), "CRITERION_VAGUE", Severity.Warning, "#/acceptanceCriteria/0/text" },
        { "and/or", WithDetails(d => d with { AcceptanceCriteria = [new("AC1", "Email and/or phone is collected")] }), "CRITERION_VAGUE", Severity.Warning, "#/acceptanceCriteria/0/text" },
        { "as needed", WithDetails(d => d with { AcceptanceCriteria = [new("AC1", "Show banners as needed")] }), "CRITERION_VAGUE", Severity.Warning, "#/acceptanceCriteria/0/text" },
        { "ASAP", WithDetails(d => d with { AcceptanceCriteria = [new("AC1", "Live asap")] }), "CRITERION_VAGUE", Severity.Warning, "#/acceptanceCriteria/0/text" },
        { "no campaign goal", WithDetails(d => d with { MarketingContext = d.MarketingContext with { CampaignGoal = "" } }), "NO_CAMPAIGN_GOAL", Severity.Error, "#/marketingContext/campaignGoal" },
        { "KPI without target", WithDetails(d => d with { MarketingContext = d.MarketingContext with { Kpi = new Kpi("Sign-ups", 120, null, "") } }), "NO_KPI_TARGET", Severity.Warning, "#/marketingContext/kpi/target" },
        { "no KPI", WithDetails(d => d with { MarketingContext = d.MarketingContext with { Kpi = null } }), "NO_KPI_TARGET", Severity.Warning, "#/marketingContext/kpi/target" },
        { "landing page without tracking", WithDetails(d => d with { TrackingRequirements = [] }), "NO_TRACKING", Severity.Error, "#/trackingRequirements" },
        { "experiment without tracking", WithDetails(d => d with { TrackingRequirements = [] }, RequestType.Experiment), "NO_TRACKING", Severity.Error, "#/trackingRequirements" },
        { "content without tracking", WithDetails(d => d with { TrackingRequirements = [] }, RequestType.Content), "NO_TRACKING", Severity.Warning, "#/trackingRequirements" },
        { "event name with spaces", WithDetails(d => d with { TrackingRequirements = [Event("Add To Cart")] }), "GA4_EVENT_NAME_INVALID", Severity.Error, "#/trackingRequirements/0/eventName" },
        { "event name starting with a digit", WithDetails(d => d with { TrackingRequirements = [Event("1st_click")] }), "GA4_EVENT_NAME_INVALID", Severity.Error, "#/trackingRequirements/0/eventName" },
        { "event name of 41 characters", WithDetails(d => d with { TrackingRequirements = [Event(new string('a', 41))] }), "GA4_EVENT_NAME_INVALID", Severity.Error, "#/trackingRequirements/0/eventName" },
        { "event name with a hyphen", WithDetails(d => d with { TrackingRequirements = [Event("sign-up")] }), "GA4_EVENT_NAME_INVALID", Severity.Error, "#/trackingRequirements/0/eventName" },
        { "reserved event page_view", WithDetails(d => d with { TrackingRequirements = [Event("page_view")] }), "GA4_RESERVED_NAME", Severity.Error, "#/trackingRequirements/0/eventName" },
        { "reserved prefix google_", WithDetails(d => d with { TrackingRequirements = [Event("google_signup")] }), "GA4_RESERVED_NAME", Severity.Error, "#/trackingRequirements/0/eventName" },
        { "reserved prefix firebase_", WithDetails(d => d with { TrackingRequirements = [Event("firebase_thing")] }), "GA4_RESERVED_NAME", Severity.Error, "#/trackingRequirements/0/eventName" },
        { "reserved parameter user_id", WithDetails(d => d with { TrackingRequirements = [Event("sign_up", "user_id")] }), "GA4_RESERVED_NAME", Severity.Error, "#/trackingRequirements/0/parameters/0/name" },
        { "reserved parameter prefix ga_", WithDetails(d => d with { TrackingRequirements = [Event("sign_up", "method", "ga_source")] }), "GA4_RESERVED_NAME", Severity.Error, "#/trackingRequirements/0/parameters/1/name" },
        { "26 parameters", WithDetails(d => d with { TrackingRequirements = [Event("sign_up", Enumerable.Range(1, 26).Select(i => $"p{i}").ToArray())] }), "GA4_TOO_MANY_PARAMETERS", Severity.Error, "#/trackingRequirements/0/parameters" },
        { "parameter with a dot", WithDetails(d => d with { TrackingRequirements = [Event("sign_up", "form.id")] }), "GA4_PARAMETER_NAME_INVALID", Severity.Error, "#/trackingRequirements/0/parameters/0/name" },
        { "landing page without design", WithDetails(d => d with { DesignAssets = [] }), "NO_DESIGN_ASSET", Severity.Warning, "#/designAssets" },
        { "feature without design", WithDetails(d => d with { DesignAssets = [] }, RequestType.Feature), "NO_DESIGN_ASSET", Severity.Warning, "#/designAssets" },
        { "launch yesterday", Ready() with { LaunchDate = Today.AddDays(-1) }, "LAUNCH_DATE_PAST", Severity.Error, "#/launchDate" },
        { "launch in 9 working days", Ready() with { LaunchDate = new DateOnly(2026, 12, 7) }, "LAUNCH_TOO_SOON", Severity.Warning, "#/launchDate" },
        { "no launch date", Ready() with { LaunchDate = null }, "NO_LAUNCH_DATE", Severity.Warning, "#/launchDate" },
        { "no benchmark", WithDetails(d => d with { Benchmarks = [] }), "NO_BENCHMARK", Severity.Info, "#/benchmarks" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OneFlaw_GivesExactlyItsFinding(string _, RequestContent content, string code, Severity severity, string path)
    {
        var report = ReadinessLinter.Lint(content, Today, ReadinessRules.Default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((code, severity, path), (finding.Code, finding.Severity, finding.Path));
        Assert.Equal(severity != Severity.Error, report.Ready);
        Assert.Equal(100 - severity switch { Severity.Error => 25, Severity.Warning => 8, _ => 2 }, report.Score);
    }

    public static TheoryData<string> MeasurableCriteria => new()
    {
        "The page loads fast: LCP under 2.5 s on 4G",
        "Easy checkout: at most 3 steps",
        "When the visitor submits the form, a nice confirmation appears",
        "Conversion improves by 5%",
    };

    [Theory]
    [MemberData(nameof(MeasurableCriteria))]
    public void VagueWord_WithAQuantityOrCondition_IsNotFlagged(string criterion)
    {
        var report = ReadinessLinter.Lint(WithDetails(d => d with { AcceptanceCriteria = [new("AC1", criterion)] }), Today, ReadinessRules.Default);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void VagueWord_InsideAnotherWord_IsNotFlagged()
    {
        var report = ReadinessLinter.Lint(WithDetails(d => d with { AcceptanceCriteria = [new("AC1", "Breakfast menu shows seasonal items")] }), Today, ReadinessRules.Default);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void EmptyDraft_IsNotReady_AndScoresZero()
    {
        var empty = new RequestContent("Idea", RequestType.LandingPage, Priority.Medium, null, null, RequestDetails.Empty);

        var report = ReadinessLinter.Lint(empty, Today, ReadinessRules.Default);

        Assert.False(report.Ready);
        Assert.Equal(0, report.Score);
        Assert.Equal(
            ["STORY_INCOMPLETE", "STORY_INCOMPLETE", "STORY_INCOMPLETE", "NO_ACCEPTANCE_CRITERIA", "NO_CAMPAIGN_GOAL", "NO_KPI_TARGET", "NO_TRACKING", "NO_DESIGN_ASSET", "NO_LAUNCH_DATE", "NO_BENCHMARK"],
            report.Findings.Select(f => f.Code));
    }

    [Theory]
    [InlineData("2026-11-24", "2026-11-25", 1)]
    [InlineData("2026-11-27", "2026-11-30", 1)] // Friday → Monday
    [InlineData("2026-11-24", "2026-12-08", 10)]
    [InlineData("2026-11-24", "2026-11-24", 0)]
    [InlineData("2026-11-28", "2026-11-29", 0)] // Saturday → Sunday
    [InlineData("2026-11-28", "2026-12-05", 5)] // Saturday → Saturday
    [InlineData("2026-11-25", "2026-11-24", 0)]
    [InlineData("2026-11-26", "9999-12-31", 2_080_081)] // the far end of the calendar, as a hostile launch date asks
    public void WorkingDays_CountWeekdaysAfterTodayUpToLaunch(string from, string to, int expected) =>
        Assert.Equal(expected, ReadinessLinter.WorkingDaysBetween(DateOnly.Parse(from), DateOnly.Parse(to)));
}
