using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MarketingDev.SyncMeetings.Tests.Api;

/// <summary>The calls the scenarios repeat, as a client would make them.</summary>
internal static class SyncApi
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A week from today: far enough that the meeting has not started, so its agenda can be refreshed.</summary>
    public static readonly DateOnly NextWeek = Today.AddDays(7);

    public static object Series(string name = "Marketing-Dev Sync", string timeZone = "UTC") => new
    {
        name,
        timeZone,
        participants = new[] { new { name = "maria", function = "marketing" }, new { name = "dave", function = "development" } },
    };

    public static async Task<string> CreateSeriesAsync(HttpClient lead, object? body = null)
    {
        var created = await SyncFixture.JsonAsync(await lead.PostAsJsonAsync("/api/v1/sync-series", body ?? Series()), HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> ScheduleAsync(HttpClient lead, string seriesId, DateOnly date) =>
        await SyncFixture.JsonAsync(await lead.PostAsJsonAsync($"/api/v1/sync-series/{seriesId}/meetings", new { date }), HttpStatusCode.Created);

    public static async Task<JsonElement> RefreshAsync(HttpClient lead, JsonElement meeting) =>
        await SyncFixture.JsonAsync(await lead.PostAsync($"/api/v1/meetings/{Id(meeting)}/refresh", null), HttpStatusCode.OK);

    public static string Id(JsonElement element) => element.GetProperty("id").GetString()!;

    public static JsonElement Section(JsonElement meeting, string section) =>
        meeting.GetProperty("agenda").GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == section);

    public static List<JsonElement> Items(JsonElement meeting, string section) => Section(meeting, section).GetProperty("items").EnumerateArray().ToList();

    public static List<string> Titles(JsonElement meeting, string section) => Items(meeting, section).Select(i => i.GetProperty("title").GetString()!).ToList();

    public static List<string> Flags(JsonElement item) => item.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToList();

    /// <summary>A request the readiness check has nothing to object to, launching on the given date.</summary>
    public static object ReadyRequest(string title, DateOnly launchDate) => new
    {
        title,
        type = "landingPage",
        priority = "high",
        launchDate = launchDate.ToString("yyyy-MM-dd"),
        userStory = new { asA = "campaign manager", iWant = "a spring landing page", soThat = "we capture 500 leads" },
        acceptanceCriteria = new[] { new { text = "When the form is submitted, a confirmation shows within 1 second" } },
        marketingContext = new { campaignGoal = "Spring leads", audience = "SMB", businessImpact = "Q2 pipeline", kpi = new { name = "Sign-ups", baseline = 120.0, target = 500.0, unit = "per week" } },
        designAssets = new[] { new { url = "https://figma.com/file/abc", kind = "figma", label = "Hero" } },
        trackingRequirements = new[] { new { eventName = "sign_up", trigger = "Form submitted", parameters = new[] { new { name = "method", description = "form" } } } },
        benchmarks = new[] { new { url = "https://example.com/lp", note = "Competitor" } },
    };

    public static async Task<string> DraftAsync(HttpClient author, object body)
    {
        var created = await SyncFixture.JsonAsync(await author.PostAsJsonAsync("/api/v1/requests", body), HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }
}
