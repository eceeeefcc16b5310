using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.TestSupport;

namespace MarketingDev.Gateway.Tests.Workflow;

/// <summary>The request lifecycle through the Gateway with each role's own key, down to the events Metrics receives.</summary>
public sealed class WorkflowTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new();
    private HttpClient _maria = null!;
    private HttpClient _dev = null!;

    public async ValueTask InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _maria = _fixture.Client(await _fixture.KeyForAsync("marketing", "maria"));
        _dev = _fixture.Client(await _fixture.KeyForAsync("developer", "dave"));
    }

    public async ValueTask DisposeAsync()
    {
        _maria.Dispose();
        _dev.Dispose();
        await _fixture.DisposeAsync();
    }

    private static object ReadyBody(string title = "Spring landing page") => Bodies.ReadyRequest(title);

    private static async Task<(string Location, JsonElement Body)> CreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (response.Headers.Location!.ToString(), await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Move(HttpClient client, string location, string to, string? reason = null) =>
        client.PostAsJsonAsync($"{location}/transitions", new { to, reason });

    [Fact]
    public async Task Lifecycle_FromDraftToDelivered_IsRecorded_AndReachesMetrics()
    {
        var (location, _) = await CreatedAsync(await _maria.PostAsJsonAsync("/api/v1/requests", ReadyBody()));

        Assert.Equal("submitted", (await OkAsync(await _maria.PostAsync($"{location}/submit", null))).GetProperty("status").GetString());
        Assert.Equal("inReview", (await OkAsync(await Move(_dev, location, "inReview"))).GetProperty("status").GetString());
        Assert.Equal("draft", (await OkAsync(await Move(_dev, location, "draft", "Which CRM field gets the lead source?"))).GetProperty("status").GetString());
        await OkAsync(await _maria.PostAsync($"{location}/submit", null));
        await OkAsync(await Move(_dev, location, "inReview"));
        await OkAsync(await Move(_dev, location, "ready"));
        var estimated = await OkAsync(await _dev.PutAsJsonAsync($"{location}/estimate", new { size = "m", days = 3.5, quickWin = false }));
        await OkAsync(await Move(_dev, location, "inProgress"));
        var delivered = await OkAsync(await Move(_dev, location, "delivered"));
        await OkAsync(await Move(_dev, location, "inProgress", "The thank-you page misses the GA4 event"));
        await OkAsync(await Move(_dev, location, "delivered"));

        Assert.Equal("m", estimated.GetProperty("estimate").GetProperty("size").GetString());
        Assert.Equal("delivered", delivered.GetProperty("status").GetString());
        var history = await _maria.GetFromJsonAsync<JsonElement>($"{location}/history");
        Assert.Equal(
            ["drafted", "submitted", "advanced", "returned", "submitted", "advanced", "advanced", "estimated", "advanced", "delivered", "reopened", "delivered"],
            history.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var returned = history.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "returned");
        Assert.Equal(("dave", "inReview", "draft", "Which CRM field gets the lead source?"),
            (returned.GetProperty("actor").GetString(), returned.GetProperty("from").GetString(), returned.GetProperty("to").GetString(), returned.GetProperty("reason").GetString()));

        var summary = await Eventually.ReturnsAsync(() => _maria.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary"),
            // Each event type has its own queue, so they are counted in no particular order: wait for all of them.
            s => s.GetProperty("requestsSubmitted").GetInt64() == 1 && s.GetProperty("requestsDelivered").GetInt64() == 1
                 && s.GetProperty("reopens").GetInt64() == 1 && s.GetProperty("returns").GetInt64() == 1,
            "Metrics to receive the workflow events");
        Assert.Equal(1, summary.GetProperty("requestsDrafted").GetInt64());
    }

    [Fact]
    public async Task Submit_IncompleteRequest_Is422WithFindings_AndStaysADraft()
    {
        var (location, _) = await CreatedAsync(await _maria.PostAsJsonAsync("/api/v1/requests", new { title = "Make it pop", type = "landingPage" }));

        var refused = await _maria.PostAsync($"{location}/submit", null);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "unprocessable");
        Assert.False(problem.GetProperty("ready").GetBoolean());
        var codes = problem.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("NO_ACCEPTANCE_CRITERIA", codes);
        Assert.Contains("NO_TRACKING", codes);
        Assert.Equal("draft", (await _maria.GetFromJsonAsync<JsonElement>(location)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_OfStoredRequest_AndOfAnUnsavedBody()
    {
        var (location, _) = await CreatedAsync(await _maria.PostAsJsonAsync("/api/v1/requests", ReadyBody()));

        var stored = await _maria.GetFromJsonAsync<JsonElement>($"{location}/readiness");
        var unsaved = await OkAsync(await _maria.PostAsJsonAsync("/api/v1/readiness", new
        {
            title = "Cart tracking",
            type = "tracking",
            acceptanceCriteria = new[] { new { text = "Make it fast" } },
            trackingRequirements = new[] { new { eventName = "Add To Cart" } },
        }));

        Assert.Equal((100, true), (stored.GetProperty("score").GetInt32(), stored.GetProperty("ready").GetBoolean()));
        Assert.False(unsaved.GetProperty("ready").GetBoolean());
        var findings = unsaved.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "GA4_EVENT_NAME_INVALID" && f.GetProperty("path").GetString() == "#/trackingRequirements/0/eventName");
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "CRITERION_VAGUE" && f.GetProperty("severity").GetString() == "warning");
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_Is412WithTheCurrentETag_AndChangesNothing()
    {
        var created = await _maria.PostAsJsonAsync("/api/v1/requests", ReadyBody("Version one"));
        var (location, _) = await CreatedAsync(created);
        var firstETag = created.Headers.ETag!;
        using var update = new HttpRequestMessage(HttpMethod.Put, location) { Content = JsonContent.Create(ReadyBody("Version two")) };
        update.Headers.IfMatch.Add(firstETag);
        var updated = await _maria.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag!.ToString());

        using var stale = new HttpRequestMessage(HttpMethod.Put, location) { Content = JsonContent.Create(ReadyBody("Lost update")) };
        stale.Headers.IfMatch.Add(firstETag);
        var refused = await _maria.SendAsync(stale);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal("\"2\"", refused.Headers.ETag!.ToString());
        Assert.Equal("Version two", (await _maria.GetFromJsonAsync<JsonElement>(location)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task IllegalTransition_Is409ListingTheAllowedOnes()
    {
        var (location, _) = await CreatedAsync(await _maria.PostAsJsonAsync("/api/v1/requests", ReadyBody()));

        var response = await Move(_dev, location, "delivered");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(["submitted", "withdrawn"], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Roles_AreEnforced_PerMove()
    {
        var (location, _) = await CreatedAsync(await _maria.PostAsJsonAsync("/api/v1/requests", ReadyBody()));
        using var otherMarketer = _fixture.Client(await _fixture.KeyForAsync("marketing", "someone-else"));

        await ProblemAssert.IsProblemAsync(await _dev.PostAsync($"{location}/submit", null), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await otherMarketer.PostAsync($"{location}/submit", null), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await otherMarketer.PutAsJsonAsync(location, ReadyBody("Hijack")), HttpStatusCode.Forbidden, "forbidden");
        await OkAsync(await _maria.PostAsync($"{location}/submit", null));
        await ProblemAssert.IsProblemAsync(await Move(_maria, location, "inReview"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await _maria.PutAsJsonAsync($"{location}/estimate", new { size = "s", days = 1 }), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await _maria.PutAsJsonAsync(location, ReadyBody("Edit after submit")), HttpStatusCode.Conflict, "conflict");
        await ProblemAssert.IsProblemAsync(await Move(_dev, location, "withdrawn"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("withdrawn", (await OkAsync(await Move(_maria, location, "withdrawn"))).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("rejected")]
    [InlineData("draft")]
    public async Task MovesThatNeedAReason_WithoutOne_Are400PointingAtReason(string to)
    {
        var (location, _) = await CreatedAsync(await _maria.PostAsJsonAsync("/api/v1/requests", ReadyBody()));
        await OkAsync(await _maria.PostAsync($"{location}/submit", null));

        var response = await Move(_dev, location, to, " ");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/reason"], ProblemAssert.Pointers(problem));
    }

    [Fact]
    public async Task Estimate_WithUnknownSizeAndNegativeDays_Is400NamingBoth()
    {
        var (location, _) = await CreatedAsync(await _maria.PostAsJsonAsync("/api/v1/requests", ReadyBody()));

        var response = await _dev.PutAsJsonAsync($"{location}/estimate", new { size = "huge", days = -1 });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/size", "#/days"], ProblemAssert.Pointers(problem));
    }
}
