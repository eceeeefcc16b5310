using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.TestSupport;
using static MarketingDev.SyncMeetings.Tests.Api.SyncApi;

namespace MarketingDev.SyncMeetings.Tests.Api;

/// <summary>
/// The agenda built from live data, through the Gateway in front of the real Requests and SyncMeetings services: the
/// requests, roadblocks and estimates reach the agenda only through RabbitMQ events.
/// </summary>
public sealed class AgendaFlowTests : IAsyncLifetime
{
    private readonly SyncFixture _sync = new();

    public ValueTask InitializeAsync() => _sync.InitializeAsync();

    public ValueTask DisposeAsync() => _sync.DisposeAsync();

    [Fact]
    public async Task Agenda_RequestsLaunchingInThreeWeeks_SubmittedAndDraftListedDraftMarked_TenWeeksNot()
    {
        var submitted = await DraftAsync(_sync.Maria, ReadyRequest("Spring landing page", NextWeek.AddDays(21)));
        await SyncFixture.JsonAsync(await _sync.Maria.PostAsync($"/api/v1/requests/{submitted}/submit", null), HttpStatusCode.OK);
        await DraftAsync(_sync.Maria, new { title = "Webinar signup", launchDate = NextWeek.AddDays(21) });
        await DraftAsync(_sync.Maria, new { title = "Summer campaign", launchDate = NextWeek.AddDays(70) });
        var series = await CreateSeriesAsync(_sync.Lead);

        var meeting = await ScheduleAsync(_sync.Lead, series, NextWeek);
        meeting = await Eventually.ReturnsAsync(() => RefreshAsync(_sync.Lead, meeting),
            m => Items(m, "initiatives").Any(i => i.GetProperty("status").GetString() == "submitted") && Items(m, "initiatives").Count == 2,
            "both requests launching in three weeks to reach the agenda");

        var initiatives = Items(meeting, "initiatives");
        var spring = initiatives.Single(i => i.GetProperty("title").GetString() == "Spring landing page");
        var webinar = initiatives.Single(i => i.GetProperty("title").GetString() == "Webinar signup");
        Assert.DoesNotContain("draft", Flags(spring));
        Assert.Contains("draft", Flags(webinar));
        Assert.Equal("draft", webinar.GetProperty("status").GetString());
        Assert.True(spring.GetProperty("minutes").GetInt32() >= 2);
        Assert.DoesNotContain("Summer campaign", meeting.GetProperty("agenda").GetRawText(), StringComparison.Ordinal);
        var markdown = await _sync.Maria.GetAsync($"/api/v1/meetings/{Id(meeting)}/agenda.md");
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Webinar signup", await markdown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_LaunchDateEditedIntoTheHorizon_InitiativeAppears()
    {
        var request = await DraftAsync(_sync.Maria, new { title = "Autumn campaign", launchDate = NextWeek.AddDays(70) });
        var series = await CreateSeriesAsync(_sync.Lead);
        var meeting = await ScheduleAsync(_sync.Lead, series, NextWeek);
        Assert.Empty(Items(meeting, "initiatives"));

        await SyncFixture.JsonAsync(await _sync.Maria.PutAsJsonAsync($"/api/v1/requests/{request}",
            new { title = "Autumn campaign (moved up)", launchDate = NextWeek.AddDays(14) }), HttpStatusCode.OK);

        meeting = await Eventually.ReturnsAsync(() => RefreshAsync(_sync.Lead, meeting), m => Items(m, "initiatives").Count == 1,
            "the edited launch date to bring the request into the horizon");
        Assert.Equal(["Autumn campaign (moved up)"], Titles(meeting, "initiatives"));
        Assert.Contains("draft", Flags(Items(meeting, "initiatives")[0]));
    }

    [Fact]
    public async Task Agenda_IdeaFromAnyone_AppearsUnderQuickWins_AndLeavesOncePromotedToADraft()
    {
        var series = await CreateSeriesAsync(_sync.Lead);
        var idea = await SyncFixture.JsonAsync(
            await _sync.Dave.PostAsJsonAsync($"/api/v1/sync-series/{series}/ideas", new { text = "Reuse the pricing API for the comparison widget" }),
            HttpStatusCode.Created);

        var meeting = await ScheduleAsync(_sync.Lead, series, NextWeek);

        var quickWin = Items(meeting, "quickWins").Single();
        Assert.Equal("idea", quickWin.GetProperty("kind").GetString());
        Assert.Equal(Id(idea), quickWin.GetProperty("itemId").GetString());
        var promoted = await SyncFixture.JsonAsync(await _sync.Lead.PostAsync($"/api/v1/ideas/{Id(idea)}/promote", null), HttpStatusCode.OK);
        Assert.Equal("promoted", promoted.GetProperty("status").GetString());
        var request = await _sync.Maria.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{promoted.GetProperty("requestId").GetString()}");
        Assert.Equal("Reuse the pricing API for the comparison widget", request.GetProperty("title").GetString());
        Assert.Equal("draft", request.GetProperty("status").GetString());
        Assert.DoesNotContain(Items(await RefreshAsync(_sync.Lead, meeting), "quickWins"), i => i.GetProperty("kind").GetString() == "idea");
        await Problem.IsAsync(await _sync.Lead.PostAsync($"/api/v1/ideas/{Id(idea)}/drop", null), HttpStatusCode.Conflict, "conflict");
        await Problem.IsAsync(await _sync.Maria.PostAsync($"/api/v1/ideas/{Id(idea)}/promote", null), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Agenda_FeasibilityNoteRaisesRoadblock_ItAppearsUnderRoadblocks_AndDisappearsWhenResolved()
    {
        await DraftAsync(_sync.Maria, new { title = "Partner portal SSO", launchDate = NextWeek.AddDays(14) });
        var series = await CreateSeriesAsync(_sync.Lead);
        var meeting = await ScheduleAsync(_sync.Lead, series, NextWeek);
        meeting = await Eventually.ReturnsAsync(() => RefreshAsync(_sync.Lead, meeting), m => Items(m, "initiatives").Count == 1, "the draft to reach the agenda");
        var itemId = Items(meeting, "initiatives")[0].GetProperty("itemId").GetString();

        var noted = await SyncFixture.JsonAsync(await _sync.Dave.PostAsJsonAsync($"/api/v1/meetings/{Id(meeting)}/items/{itemId}/notes",
            new { text = "Our authentication cannot carry partner SSO by then; a magic link is simpler", kind = "feasibility", raiseRoadblock = new { severity = "high" } }),
            HttpStatusCode.Created);

        var roadblockId = noted.GetProperty("notes")[0].GetProperty("roadblockId").GetString();
        Assert.NotNull(roadblockId);
        var open = await _sync.Maria.GetFromJsonAsync<JsonElement>("/api/v1/roadblocks?status=open");
        Assert.Equal(roadblockId, open.GetProperty("items")[0].GetProperty("id").GetString());
        meeting = await Eventually.ReturnsAsync(() => RefreshAsync(_sync.Lead, meeting), m => Items(m, "roadblocks").Count == 1, "the roadblock to reach the agenda");
        var roadblock = Items(meeting, "roadblocks")[0];
        Assert.Equal(roadblockId, roadblock.GetProperty("itemId").GetString());
        Assert.Equal("high", roadblock.GetProperty("severity").GetString());
        await SyncFixture.JsonAsync(await _sync.Dave.PostAsJsonAsync($"/api/v1/roadblocks/{roadblockId}/resolve", new { resolution = "Magic link agreed" }), HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => RefreshAsync(_sync.Lead, meeting), m => Items(m, "roadblocks").Count == 0, "the resolved roadblock to leave the agenda");
    }

    [Fact]
    public async Task Agenda_LargeEstimate_NeedsKickoff_UntilAKickoffSessionIsLinked()
    {
        var request = await DraftAsync(_sync.Maria, new { title = "Loyalty programme", launchDate = NextWeek.AddDays(28) });
        await SyncFixture.JsonAsync(await _sync.Dave.PutAsJsonAsync($"/api/v1/requests/{request}/estimate", new { size = "l", days = 15.0 }), HttpStatusCode.OK);
        var series = await CreateSeriesAsync(_sync.Lead);
        var meeting = await ScheduleAsync(_sync.Lead, series, NextWeek);
        await Eventually.ReturnsAsync(() => RefreshAsync(_sync.Lead, meeting),
            m => Items(m, "initiatives").Any(i => Flags(i).Contains("needsKickoff")), "the l estimate to flag the initiative");

        var session = await SyncFixture.JsonAsync(await _sync.Dave.PostAsJsonAsync("/api/v1/sessions", new
        {
            type = "kickoff", title = "Loyalty kick-off", date = SyncApi.Today, durationMinutes = 60, presenter = "dave", presenterFunction = "development",
            attendees = new[] { new { name = "maria", function = "marketing" }, new { name = "dave", function = "development" }, new { name = "pia", function = "design" } },
            requestId = request, topics = new[] { "scope", "tracking" },
        }), HttpStatusCode.Created);

        Assert.Equal(1, session.GetProperty("attendanceByFunction").GetProperty("marketing").GetInt32());
        var held = (await _sync.OutboxAsync()).Single(e => e.Type == "SessionHeld").Body;
        Assert.Equal(("kickoff", 60, request), (held.GetProperty("type").GetString(), held.GetProperty("durationMinutes").GetInt32(), held.GetProperty("requestId").GetString()));
        var refreshed = await RefreshAsync(_sync.Lead, meeting);
        Assert.DoesNotContain("needsKickoff", Flags(Items(refreshed, "initiatives").Single()));
        var kickoffs = await _sync.Maria.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?type=kickoff&from={SyncApi.Today:yyyy-MM-dd}");
        Assert.Equal("Loyalty kick-off", kickoffs.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Empty((await _sync.Maria.GetFromJsonAsync<JsonElement>("/api/v1/sessions?type=devDemo")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ActionItem_CarriesOverToTheNextAgenda_UntilItsOwnerCompletesIt()
    {
        var series = await CreateSeriesAsync(_sync.Lead);
        var first = await ScheduleAsync(_sync.Lead, series, NextWeek);
        var item = await SyncFixture.JsonAsync(await _sync.Lead.PostAsJsonAsync($"/api/v1/meetings/{Id(first)}/action-items",
            new { title = "Ask the vendor for a higher API quota", owner = "maria", dueDate = NextWeek.AddDays(3) }), HttpStatusCode.Created);
        var second = await ScheduleAsync(_sync.Lead, series, NextWeek.AddDays(7));

        Assert.Equal(["Ask the vendor for a higher API quota"], Titles(second, "actionItems"));
        await Problem.IsAsync(await _sync.Dave.PostAsync($"/api/v1/action-items/{Id(item)}/complete", null), HttpStatusCode.Forbidden, "forbidden");
        var done = await SyncFixture.JsonAsync(await _sync.Maria.PostAsync($"/api/v1/action-items/{Id(item)}/complete", null), HttpStatusCode.OK);
        Assert.Equal("done", done.GetProperty("status").GetString());
        await Problem.IsAsync(await _sync.Maria.PostAsync($"/api/v1/action-items/{Id(item)}/complete", null), HttpStatusCode.Conflict, "conflict");
        Assert.Empty(Items(await RefreshAsync(_sync.Lead, second), "actionItems"));
        var mine = await _sync.Maria.GetFromJsonAsync<JsonElement>("/api/v1/action-items?owner=maria&status=done");
        Assert.Equal(Id(item), mine.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Empty((await _sync.Maria.GetFromJsonAsync<JsonElement>("/api/v1/action-items?owner=maria&status=open")).GetProperty("items").EnumerateArray());
        Assert.Equal(["ActionItemAssigned", "ActionItemCompleted"], (await _sync.OutboxAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task Agenda_MoreThanTheTimeboxHolds_IsDeferredWithTheReason()
    {
        var series = await CreateSeriesAsync(_sync.Lead, new
        {
            name = "Tight sync", timeZone = "Europe/Berlin",
            sections = new[]
            {
                new { section = "initiatives", minutes = 2 }, new { section = "roadblocks", minutes = 2 },
                new { section = "quickWins", minutes = 2 }, new { section = "actionItems", minutes = 24 },
            },
        });
        foreach (var n in Enumerable.Range(1, 5))
        {
            await SyncFixture.JsonAsync(await _sync.Maria.PostAsJsonAsync($"/api/v1/sync-series/{series}/ideas", new { text = $"Idea {n}" }), HttpStatusCode.Created);
        }

        var meeting = await ScheduleAsync(_sync.Lead, series, NextWeek);

        var quickWins = Section(meeting, "quickWins");
        Assert.Equal(["Idea 1", "Idea 2", "Idea 3"], Titles(meeting, "quickWins"));
        Assert.Equal(4, quickWins.GetProperty("carriedInMinutes").GetInt32());
        var deferred = quickWins.GetProperty("deferred").EnumerateArray().ToList();
        Assert.Equal(["Idea 4", "Idea 5"], deferred.Select(d => d.GetProperty("title").GetString()));
        Assert.All(deferred, d => Assert.Contains("quickWins timebox is full", d.GetProperty("deferredReason").GetString(), StringComparison.Ordinal));
        var markdown = await _sync.Maria.GetStringAsync($"/api/v1/meetings/{Id(meeting)}/agenda.md");
        Assert.Contains("Deferred: The quickWins timebox is full", markdown, StringComparison.Ordinal);
        Assert.Contains("Idea 5", markdown, StringComparison.Ordinal);
        var next = await _sync.Maria.GetAsync($"/api/v1/sync-series/{series}/agenda.md");
        Assert.Equal(markdown, await next.Content.ReadAsStringAsync());
    }
}
