using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Metrics.Tests.Gateway;

/// <summary>What a client of the REST API sees: the real Gateway, Requests and Metrics, events through RabbitMQ.</summary>
public sealed class MetricsEndpointsTests : IAsyncLifetime
{
    private readonly MetricsGatewayFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task RequestDrivenThroughTheRealRequestsService_IsMeasuredInTheSummary()
    {
        using var admin = _fixture.Client();
        var created = await admin.PostAsJsonAsync("/api/v1/requests", ReadyRequest());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{location}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{location}/transitions", new { to = "draft", reason = "Which audience?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{location}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"{location}/clarifications", new { question = "Which CRM field gets the lead source?" })).StatusCode);
        foreach (var to in new[] { "inReview", "ready", "inProgress", "delivered" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{location}/transitions", new { to })).StatusCode);
        }

        var summary = await Eventually.ReturnsAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary"),
            s => Metric(s, "requestsDelivered") == 1 && Metric(s, "clarificationRoundsPerDelivered") == 1, "the delivery to be measured");

        Assert.Equal(1, summary.GetProperty("requestsDrafted").GetInt64());
        Assert.Equal((1.0, 1.0, 1.0, 0.0), (Metric(summary, "requestsSubmitted"), Metric(summary, "returnedForInformationRate"),
            Metric(summary, "clarificationRoundsPerDelivered"), Metric(summary, "firstPassReadiness")));
        Assert.True(Metric(summary, "leadTimeMedian") is > 0 and < 0.01);
        Assert.Equal("previous", summary.GetProperty("compare").GetString());
        var lead = summary.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "leadTimeMedian");
        Assert.Equal(("days", JsonValueKind.Null), (lead.GetProperty("unit").GetString(), lead.GetProperty("comparedValue").ValueKind));
    }

    [Theory]
    [InlineData("/api/v1/metrics/summary?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "#/to")]
    [InlineData("/api/v1/metrics/summary?compare=lastYear", "#/compare")]
    [InlineData("/api/v1/metrics/summary?team=a%00b", "team")] // the Gateway refuses NUL in any query parameter by name
    [InlineData("/api/v1/metrics/timeseries?metric=happiness", "#/metric")]
    [InlineData("/api/v1/metrics/timeseries?metric=leadTimeMedian&interval=day", "#/interval")]
    [InlineData("/api/v1/metrics/timeseries?metric=leadTimeMedian&interval=week&from=2000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "#/to")]
    [InlineData("/api/v1/metrics/scorecard?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "#/to")]
    public async Task Read_WithBadQuery_Is400WithPointer(string url, string pointer)
    {
        using var client = _fixture.Client();

        var problem = await IsProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest, "validation");

        Assert.Equal([pointer], Pointers(problem));
    }

    public static TheoryData<object, string> BadSurveys => new()
    {
        { new { function = "marketing", scores = new { communication = 6, clarity = 3, trust = 3, speed = 3 } }, "#/scores/communication" },
        { new { function = "marketing", scores = new { communication = 3, clarity = 0, trust = 3, speed = 3 } }, "#/scores/clarity" },
        { new { function = "sales", scores = new { communication = 3, clarity = 3, trust = 3, speed = 3 } }, "#/function" },
        { new { function = "design", scores = new { communication = 3, clarity = 3, trust = 3, speed = 3 }, comment = "fine\u0000" }, "#/comment" },
        { new { function = "design", scores = new { communication = 3, clarity = 3, trust = 3, speed = 3 }, comment = new string('x', 2001) }, "#/comment" },
    };

    [Theory]
    [MemberData(nameof(BadSurveys))]
    public async Task SurveyResponse_Invalid_Is400WithPointer_AndNothingIsStored(object body, string pointer)
    {
        using var client = _fixture.Client();

        var problem = await IsProblemAsync(await client.PostAsJsonAsync("/api/v1/surveys/responses", body), HttpStatusCode.BadRequest, "validation");

        Assert.Equal([pointer], Pointers(problem));
        Assert.Equal(0, await _fixture.WithMetricsDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task SurveyResponses_AnyKeyAnswers_GroupsUnderThreeStayHidden()
    {
        using var developer = await _fixture.ClientForAsync("developer");
        for (var i = 0; i < 3; i++)
        {
            var answered = await developer.PostAsJsonAsync("/api/v1/surveys/responses",
                new { function = i < 2 ? "development" : "marketing", scores = new { communication = 4, clarity = 3, trust = 5, speed = 4 }, comment = "ok" });
            Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        }

        var survey = (await developer.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary"))!.GetProperty("survey").EnumerateArray()
            .ToDictionary(g => g.GetProperty("group").GetString()!);

        Assert.Equal((3, 4.0, 5.0), (survey["all"].GetProperty("answers").GetInt32(), survey["all"].GetProperty("communication").GetDouble(), survey["all"].GetProperty("trust").GetDouble()));
        Assert.Equal((2, JsonValueKind.Null), (survey["development"].GetProperty("answers").GetInt32(), survey["development"].GetProperty("communication").ValueKind));
        Assert.Equal(JsonValueKind.Null, survey["marketing"].GetProperty("speed").ValueKind);
    }

    [Fact]
    public async Task Outcome_RecordedByMarketing_CountsTowardsTheTargetRate_DevelopersMayNot()
    {
        using var marketing = await _fixture.ClientForAsync("marketing");
        using var developer = await _fixture.ClientForAsync("developer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var body = new { requestId = Guid.NewGuid(), kpi = "Sign-ups", baseline = 120.0, target = 500.0, actual = 530.0, measuredAt = today };

        var recorded = await marketing.PostAsJsonAsync("/api/v1/outcomes", body);
        var refused = await developer.PostAsJsonAsync("/api/v1/outcomes", body);
        var future = await marketing.PostAsJsonAsync("/api/v1/outcomes", body with { measuredAt = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd") });
        var nul = await marketing.PostAsJsonAsync("/api/v1/outcomes", body with { kpi = "Sign\u0000ups" });
        var noDate = await marketing.PostAsJsonAsync("/api/v1/outcomes", body with { measuredAt = "2026-02-30" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.True((await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metTarget").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(["#/measuredAt"], Pointers(await IsProblemAsync(future, HttpStatusCode.BadRequest, "validation")));
        Assert.Equal(["#/kpi"], Pointers(await IsProblemAsync(nul, HttpStatusCode.BadRequest, "validation")));
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Equal(1, await _fixture.WithMetricsDbAsync(db => db.Outcomes.CountAsync()));
        var summary = await marketing.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary");
        Assert.Equal(1.0, Metric(summary, "outcomesMetTargetRate"));
    }

    [Theory]
    [InlineData("marketing")]
    [InlineData("developer")]
    [InlineData("lead")]
    public async Task RebuildAndBaseline_ByAnyoneButAnAdmin_Are403(string role)
    {
        using var client = await _fixture.ClientForAsync(role);

        var rebuild = await client.PostAsync("/api/v1/metrics/rebuild", null);
        var baseline = await client.PutAsJsonAsync("/api/v1/metrics/baseline", new { from = "2026-01-01T00:00:00Z", to = "2026-04-01T00:00:00Z" });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (rebuild.StatusCode, baseline.StatusCode));
        Assert.Equal(0, await _fixture.WithMetricsDbAsync(db => db.Baselines.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/metrics/scorecard")).StatusCode);
    }

    [Fact]
    public async Task Baseline_SetByAnAdmin_IsWhatCompareBaselineAndTheScorecardUse()
    {
        using var admin = _fixture.Client();
        var invalid = await admin.PutAsJsonAsync("/api/v1/metrics/baseline", new { from = "2026-04-01T00:00:00Z", to = "2026-01-01T00:00:00Z" });
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/metrics/scorecard");

        var set = await admin.PutAsJsonAsync("/api/v1/metrics/baseline", new { from = "2026-01-01T00:00:00Z", to = "2026-04-01T00:00:00Z" });

        Assert.Equal(["#/to"], Pointers(await IsProblemAsync(invalid, HttpStatusCode.BadRequest, "validation")));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("baseline").ValueKind);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var summary = await admin.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary?compare=baseline");
        Assert.Equal(("baseline", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), (summary.GetProperty("compare").GetString(), summary.GetProperty("comparedFrom").GetDateTimeOffset()));
        var scorecard = await admin.GetFromJsonAsync<JsonElement>("/api/v1/metrics/scorecard");
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), scorecard.GetProperty("baseline").GetProperty("to").GetDateTimeOffset());
        var claims = scorecard.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(10, claims.Count);
        Assert.Contains(claims, c => c.GetProperty("name").GetString() == "postLaunchBugs" && c.GetProperty("promisedChange").GetDouble() == -0.3
                                     && c.GetProperty("kind").GetString() == "relative" && c.GetProperty("unit").GetString() == "perRequest");
    }

    [Fact]
    public async Task Rebuild_ByAnAdmin_ReplaysTheStoredEvents()
    {
        using var admin = _fixture.Client();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/requests", ReadyRequest())).StatusCode);
        var before = await Eventually.ReturnsAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary"),
            s => s.GetProperty("requestsDrafted").GetInt64() == 1, "the draft to be counted");

        var rebuilt = await admin.PostAsync("/api/v1/metrics/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        var result = await rebuilt.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1L, 1L), (result.GetProperty("events").GetInt64(), result.GetProperty("streams").GetInt64()));
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary?to=" + Uri.EscapeDataString(before.GetProperty("to").GetString()!));
        Assert.Equal(before.GetProperty("metrics").GetRawText(), after.GetProperty("metrics").GetRawText());
    }

    [Fact]
    public async Task Timeseries_Weekly_HasOnePointPerWeek()
    {
        using var client = _fixture.Client();

        var series = await client.GetFromJsonAsync<JsonElement>(
            "/api/v1/metrics/timeseries?metric=throughputPerWeek&interval=week&from=2026-03-02T00:00:00Z&to=2026-03-30T00:00:00Z");

        Assert.Equal(("throughputPerWeek", "perWeek", "week"), (series.GetProperty("metric").GetString(), series.GetProperty("unit").GetString(), series.GetProperty("interval").GetString()));
        Assert.Equal([0.0, 0.0, 0.0, 0.0], series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Routes_AreDescribedInTheOpenApiDocument_AndNeedAKey()
    {
        using var anonymous = _fixture.Client(null);

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/metrics/summary", "/api/v1/metrics/timeseries", "/api/v1/metrics/scorecard", "/api/v1/metrics/baseline",
                     "/api/v1/metrics/rebuild", "/api/v1/surveys/responses", "/api/v1/outcomes" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.Equal("400", paths.GetProperty("/api/v1/metrics/summary").GetProperty("get").GetProperty("responses").EnumerateObject().Select(r => r.Name).First(n => n == "400"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/metrics/scorecard")).StatusCode);
    }

    [Fact]
    public async Task GatewayMetricsEndpoint_Anonymous_PassesPromtool()
    {
        using var client = _fixture.Client();
        await client.GetAsync("/api/v1/metrics/summary");
        using var anonymous = _fixture.Client(null);

        var scrape = await anonymous.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();
        var (exitCode, output) = await Prometheus.Promtool.CheckMetricsAsync(text);

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}):\n{output}");
    }

    private static double? Metric(JsonElement summary, string name) =>
        summary.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("value") is { ValueKind: JsonValueKind.Number } v
            ? v.GetDouble() : null;

    private static object ReadyRequest() => new
    {
        title = "Spring landing page",
        type = "landingPage",
        priority = "high",
        launchDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd"),
        team = "growth",
        userStory = new { asA = "campaign manager", iWant = "a spring landing page", soThat = "we capture 500 leads" },
        acceptanceCriteria = new[] { new { text = "When the form is submitted, a confirmation shows within 1 second" } },
        marketingContext = new { campaignGoal = "Spring leads", audience = "SMB", businessImpact = "Q2 pipeline", kpi = new { name = "Sign-ups", baseline = 120.0, target = 500.0, unit = "per week" } },
        designAssets = new[] { new { url = "https://figma.com/file/abc", kind = "figma", label = "Hero" } },
        trackingRequirements = new[] { new { eventName = "sign_up", trigger = "Form submitted", parameters = new[] { new { name = "method", description = "form" } } } },
        benchmarks = new[] { new { url = "https://example.com/lp", note = "Competitor" } },
    };

    private static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal("https://marketingdev.dev/problems/" + type, problem.GetProperty("type").GetString());
        return problem;
    }

    private static List<string> Pointers(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!).ToList();
}
