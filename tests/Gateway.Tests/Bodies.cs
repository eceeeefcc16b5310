namespace MarketingDev.Gateway.Tests;

/// <summary>Request bodies the tests share.</summary>
internal static class Bodies
{
    /// <summary>A request the readiness check has nothing to object to.</summary>
    public static object ReadyRequest(string title = "Spring landing page") => new
    {
        title,
        type = "landingPage",
        priority = "high",
        launchDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd"),
        userStory = new { asA = "campaign manager", iWant = "a spring landing page", soThat = "we capture 500 leads" },
        acceptanceCriteria = new[] { new { text = "When the form is submitted, a confirmation shows within 1 second" } },
        marketingContext = new { campaignGoal = "Spring leads", audience = "SMB", businessImpact = "Q2 pipeline", kpi = new { name = "Sign-ups", baseline = 120.0, target = 500.0, unit = "per week" } },
        designAssets = new[] { new { url = "https://figma.com/file/abc", kind = "figma", label = "Hero" } },
        trackingRequirements = new[] { new { eventName = "sign_up", trigger = "Form submitted", parameters = new[] { new { name = "method", description = "form" } } } },
        benchmarks = new[] { new { url = "https://example.com/lp", note = "Competitor" } },
    };
}
