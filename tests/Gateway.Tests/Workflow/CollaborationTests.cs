using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.TestSupport;

namespace MarketingDev.Gateway.Tests.Workflow;

/// <summary>Clarifications, roadblocks and bug reports through the Gateway, with each role's key, down to the metrics.</summary>
public sealed class CollaborationTests : IAsyncLifetime
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

    private async Task<string> DraftAsync(string title = "Checkout banner")
    {
        var created = await _maria.PostAsJsonAsync("/api/v1/requests", new { title });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.Location!.ToString();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Clarification_AskedByDeveloper_AnsweredByRequester_IsCountedOpenThenClosed()
    {
        var request = await DraftAsync();

        var asked = await Json(await _dev.PostAsJsonAsync($"{request}/clarifications", new { question = "Which audience segment sees the banner?" }), HttpStatusCode.Created);
        Assert.Equal(1, (await _maria.GetFromJsonAsync<JsonElement>(request)).GetProperty("openClarifications").GetInt32());
        var answered = await Json(await _maria.PostAsJsonAsync($"{request}/clarifications/{asked.GetProperty("id").GetString()}/answer",
            new { answer = "Returning customers only" }), HttpStatusCode.OK);

        Assert.False(answered.GetProperty("open").GetBoolean());
        Assert.Equal("maria", answered.GetProperty("answeredBy").GetString());
        Assert.Equal(0, (await _maria.GetFromJsonAsync<JsonElement>(request)).GetProperty("openClarifications").GetInt32());
        var listed = await _maria.GetFromJsonAsync<JsonElement>($"{request}/clarifications");
        Assert.Equal("Returning customers only", listed[0].GetProperty("answer").GetString());
        await ProblemAssert.IsProblemAsync(await _maria.PostAsJsonAsync($"{request}/clarifications/{asked.GetProperty("id").GetString()}/answer",
            new { answer = "Again" }), HttpStatusCode.Conflict, "conflict");
        await Eventually.ReturnsAsync(() => _maria.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary"),
            s => s.GetProperty("clarificationRounds").GetInt64() == 1, "Metrics to count the clarification round");
    }

    [Fact]
    public async Task Clarification_RolesAndInput_AreChecked()
    {
        var request = await DraftAsync();

        await ProblemAssert.IsProblemAsync(await _maria.PostAsJsonAsync($"{request}/clarifications", new { question = "Self-question?" }), HttpStatusCode.Forbidden, "forbidden");
        var empty = await ProblemAssert.IsProblemAsync(await _dev.PostAsJsonAsync($"{request}/clarifications", new { question = " " }), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/question"], ProblemAssert.Pointers(empty));
        await ProblemAssert.IsProblemAsync(await _dev.PostAsJsonAsync($"/api/v1/requests/{Guid.NewGuid()}/clarifications", new { question = "?" }), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Roadblocks_OpenListIsPaged_AndResolvingRemovesThem()
    {
        var request = await DraftAsync("CRM sync");
        var ids = new List<string>();
        foreach (var severity in new[] { "low", "medium", "high" })
        {
            var raised = await Json(await _dev.PostAsJsonAsync($"{request}/roadblocks", new { description = $"HubSpot API quota ({severity})", severity }), HttpStatusCode.Created);
            ids.Add(raised.GetProperty("id").GetString()!);
        }

        await Json(await _dev.PostAsJsonAsync($"/api/v1/roadblocks/{ids[0]}/resolve", new { resolution = "Quota raised by vendor" }), HttpStatusCode.OK);
        var first = await _maria.GetFromJsonAsync<JsonElement>("/api/v1/roadblocks?status=open&limit=1");
        var second = await _maria.GetFromJsonAsync<JsonElement>($"/api/v1/roadblocks?status=open&limit=1&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}");

        Assert.Equal(ids[2], first.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(ids[1], second.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal("CRM sync", first.GetProperty("items")[0].GetProperty("requestTitle").GetString());
        await ProblemAssert.IsProblemAsync(await _dev.PostAsJsonAsync($"/api/v1/roadblocks/{ids[0]}/resolve", new { resolution = "again" }), HttpStatusCode.Conflict, "conflict");
        await ProblemAssert.IsProblemAsync(await _maria.PostAsJsonAsync($"{request}/roadblocks", new { description = "x", severity = "low" }), HttpStatusCode.Forbidden, "forbidden");
        var bad = await ProblemAssert.IsProblemAsync(await _dev.PostAsJsonAsync($"{request}/roadblocks", new { description = "x", severity = "blocker" }), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/severity"], ProblemAssert.Pointers(bad));
        await Eventually.ReturnsAsync(() => _maria.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary"),
            s => s.GetProperty("roadblocksRaised").GetInt64() == 3, "Metrics to count the roadblocks");
    }

    [Fact]
    public async Task Bug_OnDeliveredRequest_IsLinted_Listed_MovedThroughItsStatuses_AndCountedPostLaunch()
    {
        var created = await _maria.PostAsJsonAsync("/api/v1/requests", Bodies.ReadyRequest("Pricing page"));
        var request = created.Headers.Location!.ToString();
        await Json(await _maria.PostAsync($"{request}/submit", null), HttpStatusCode.OK);
        foreach (var to in new[] { "inReview", "ready", "inProgress", "delivered" })
        {
            await Json(await _dev.PostAsJsonAsync($"{request}/transitions", new { to }), HttpStatusCode.OK);
        }

        var requestId = (await _maria.GetFromJsonAsync<JsonElement>(request)).GetProperty("id").GetString();
        var reported = await Json(await _maria.PostAsJsonAsync("/api/v1/bugs", new
        {
            requestId,
            title = "Price toggle shows monthly twice",
            severity = "high",
            stepsToReproduce = new[] { "Open /pricing", "Click 'Yearly'" },
            expected = "Yearly prices",
            actual = "yearly prices",
            environment = new { url = "https://example.com/pricing", browser = "Firefox 133", os = "macOS", device = "laptop" },
        }), HttpStatusCode.Created);

        Assert.Matches("^BUG-[0-9]+$", reported.GetProperty("key").GetString()!);
        var lint = reported.GetProperty("lint").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Equal(["BUG_EXPECTED_EQUALS_ACTUAL", "BUG_NO_EVIDENCE"], lint);
        var bug = $"/api/v1/bugs/{reported.GetProperty("id").GetString()}";
        var listed = await _dev.GetFromJsonAsync<JsonElement>($"/api/v1/bugs?requestId={requestId}&status=open");
        Assert.Equal(reported.GetProperty("id").GetString(), listed.GetProperty("items")[0].GetProperty("id").GetString());
        await ProblemAssert.IsProblemAsync(await _maria.PostAsJsonAsync($"{bug}/transitions", new { to = "fixed" }), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("fixed", (await Json(await _dev.PostAsJsonAsync($"{bug}/transitions", new { to = "fixed" }), HttpStatusCode.OK)).GetProperty("status").GetString());
        var illegal = await ProblemAssert.IsProblemAsync(await _dev.PostAsJsonAsync($"{bug}/transitions", new { to = "wontFix" }), HttpStatusCode.Conflict, "conflict");
        Assert.Equal(["verified", "open"], illegal.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("verified", (await Json(await _maria.PostAsJsonAsync($"{bug}/transitions", new { to = "verified" }), HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Empty((await _dev.GetFromJsonAsync<JsonElement>($"/api/v1/bugs?status=open")).GetProperty("items").EnumerateArray());
        await Eventually.ReturnsAsync(() => _maria.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary"),
            s => s.GetProperty("postLaunchBugs").GetInt64() == 1, "Metrics to count the post-launch bug");
    }

    [Fact]
    public async Task Bug_WithBadFields_Is400NamingEach()
    {
        var response = await _maria.PostAsJsonAsync("/api/v1/bugs", new
        {
            requestId = Guid.NewGuid(),
            title = "",
            severity = "annoying",
            environment = new { url = "not a url" },
            evidence = new[] { "https://ok.example/shot.png", "file:///tmp/shot.png" },
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/title", "#/severity", "#/environment/url", "#/evidence/1", "#/requestId"], ProblemAssert.Pointers(problem));
    }
}
