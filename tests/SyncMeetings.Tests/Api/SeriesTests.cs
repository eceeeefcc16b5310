using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using static MarketingDev.SyncMeetings.Tests.Api.SyncApi;

namespace MarketingDev.SyncMeetings.Tests.Api;

/// <summary>Series through the Gateway: defaults, warnings, roles, the .ics calendar, and refusals that store nothing.</summary>
public sealed class SeriesTests : IAsyncLifetime
{
    private readonly SyncFixture _sync = new();

    public ValueTask InitializeAsync() => _sync.InitializeAsync();

    public ValueTask DisposeAsync() => _sync.DisposeAsync();

    [Fact]
    public async Task CreateSeries_Minimal_DefaultsAndWarnings()
    {
        var created = await SyncFixture.JsonAsync(await _sync.Lead.PostAsJsonAsync("/api/v1/sync-series", new
        {
            name = "Big sync", timeZone = "America/New_York",
            participants = Enumerable.Range(1, 8).Select(i => new { name = $"marketer {i}", function = "marketing" }),
        }), HttpStatusCode.Created);

        Assert.Equal("tuesday", created.GetProperty("weekday").GetString());
        Assert.Equal("09:30", created.GetProperty("startTime").GetString());
        Assert.Equal(30, created.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(6, created.GetProperty("horizonWeeks").GetInt32());
        Assert.Equal(["initiatives:10", "roadblocks:10", "quickWins:5", "actionItems:5"],
            created.GetProperty("sections").EnumerateArray().Select(s => $"{s.GetProperty("section").GetString()}:{s.GetProperty("minutes").GetInt32()}"));
        Assert.Equal(["LARGE_GROUP", "NO_DEVELOPER"], created.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        var listed = await _sync.Maria.GetFromJsonAsync<JsonElement>("/api/v1/sync-series");
        Assert.Equal(Id(created), Id(listed.GetProperty("items")[0]));
    }

    [Fact]
    public async Task Calendar_ParsedBack_ExpandsWeeklyAtTheSameLocalTimeAcrossDaylightSaving_AndTracksChanges()
    {
        var id = await CreateSeriesAsync(_sync.Lead, new
        {
            name = "Marketing-Dev Sync", timeZone = "Europe/Berlin", weekday = "tuesday", startTime = "09:30",
            participants = new[] { new { name = "Maria", function = "marketing", email = "maria@example.com" }, new { name = "Dave", function = "development", email = "dave@example.com" } },
        });

        var response = await _sync.Maria.GetAsync($"/api/v1/sync-series/{id}/calendar.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var meeting = calendar.Events.Single();
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", meeting.Start!.TzId);
        Assert.Equal(30, meeting.Duration!.Value.Minutes);
        Assert.Equal(0, meeting.Sequence);
        Assert.Equal(["mailto:maria@example.com", "mailto:dave@example.com"], meeting.Attendees.Select(a => a.Value!.ToString()));
        Assert.NotNull(meeting.Organizer);
        Assert.EndsWith($"/api/v1/sync-series/{id}/agenda.md", meeting.Url!.ToString(), StringComparison.Ordinal);

        // Next year's changes, whenever the test runs: Berlin goes to summer time on the last Sunday of March and back on
        // the last Sunday of October; the Tuesdays around them keep 09:30 local, so their UTC time moves by an hour.
        var spring = LastSunday(Year, 3);
        var occurrences = Occurrences(calendar, spring.AddDays(-12), spring.AddDays(9));
        Assert.Equal([At(spring.AddDays(-12), 8), At(spring.AddDays(-5), 8), At(spring.AddDays(2), 7), At(spring.AddDays(9), 7)],
            occurrences.Select(o => o.AsUtc));
        Assert.All(occurrences, o => Assert.Equal((DayOfWeek.Tuesday, 9, 30), (o.Value.DayOfWeek, o.Value.Hour, o.Value.Minute)));
        var autumn = LastSunday(Year, 10);
        Assert.Equal([At(autumn.AddDays(-5), 7), At(autumn.AddDays(2), 8)], Occurrences(calendar, autumn.AddDays(-5), autumn.AddDays(2)).Select(o => o.AsUtc));

        var get = await _sync.Lead.GetAsync($"/api/v1/sync-series/{id}");
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/sync-series/{id}")
        {
            Content = JsonContent.Create(new { name = "Marketing-Dev Sync (new room)", timeZone = "Europe/Berlin", weekday = "tuesday", startTime = "09:30" }),
        };
        update.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(get.Headers.ETag!.ToString()));
        await SyncFixture.JsonAsync(await _sync.Lead.SendAsync(update), HttpStatusCode.OK);
        await SyncFixture.JsonAsync(await _sync.Lead.PostAsJsonAsync($"/api/v1/sync-series/{id}/cancellations", new { date = spring.AddDays(2) }), HttpStatusCode.OK);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/sync-series/{id}") { Content = JsonContent.Create(new { name = "x", timeZone = "UTC" }) };
        stale.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(get.Headers.ETag!.ToString()));
        await Problem.IsAsync(await _sync.Lead.SendAsync(stale), HttpStatusCode.PreconditionFailed, "precondition-failed");

        var changed = Ical.Net.Calendar.Load(await _sync.Maria.GetStringAsync($"/api/v1/sync-series/{id}/calendar.ics"))!;
        var changedMeeting = changed.Events.Single();
        Assert.Equal(meeting.Uid, changedMeeting.Uid);
        Assert.Equal(2, changedMeeting.Sequence);
        Assert.Equal("Marketing-Dev Sync (new room)", changedMeeting.Summary);
        Assert.Equal([At(spring.AddDays(-5), 8), At(spring.AddDays(9), 7)],
            Occurrences(changed, spring.AddDays(-5), spring.AddDays(9)).Select(o => o.AsUtc));
    }

    private static readonly int Year = DateTime.UtcNow.Year + 1;

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }

    private static DateTime At(DateOnly date, int utcHour) => date.ToDateTime(new TimeOnly(utcHour, 30));

    private static List<CalDateTime> Occurrences(Ical.Net.Calendar calendar, DateOnly from, DateOnly to) =>
        calendar.GetOccurrences(new CalDateTime(from, null, "Europe/Berlin"))
            .Select(o => o.Period.StartTime)
            .TakeWhile(start => DateOnly.FromDateTime(start.Value) <= to)
            .ToList();

    [Fact]
    public async Task OpenApi_EverySyncRoute_DocumentedWithItsResponses()
    {
        var document = await _sync.Admin.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var paths = document.GetProperty("paths");
        string[][] routes =
        [
            ["/api/v1/sync-series", "post", "201", "400", "403", "422"], ["/api/v1/sync-series/{id}", "put", "200", "412", "422"],
            ["/api/v1/sync-series/{id}/calendar.ics", "get", "200", "404"], ["/api/v1/sync-series/{id}/cancellations", "post", "200", "422"],
            ["/api/v1/sync-series/{id}/meetings", "post", "201", "409", "422"], ["/api/v1/sync-series/{id}/ideas", "post", "201"],
            ["/api/v1/meetings/{mid}", "get", "200", "404"], ["/api/v1/meetings/{mid}/agenda.md", "get", "200"],
            ["/api/v1/meetings/{mid}/refresh", "post", "200", "409"], ["/api/v1/meetings/{mid}/items/{itemId}/notes", "post", "201", "422"],
            ["/api/v1/meetings/{mid}/action-items", "post", "201", "422"], ["/api/v1/meetings/{mid}/complete", "post", "200", "409"],
            ["/api/v1/ideas/{id}/promote", "post", "200", "409"], ["/api/v1/action-items/{aid}/complete", "post", "200", "403", "409"],
            ["/api/v1/action-items", "get", "200"], ["/api/v1/sessions", "post", "201", "400"], ["/api/v1/sessions", "get", "200"],
        ];
        foreach (var route in routes)
        {
            var operation = paths.GetProperty(route[0]).GetProperty(route[1]);
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), route[0]);
            var responses = operation.GetProperty("responses");
            Assert.All(route[2..], status => Assert.True(responses.TryGetProperty(status, out _), $"{route[1]} {route[0]} documents {status}"));
        }

        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("MeetingView", out _));
    }

    [Theory]
    [InlineData("""{"name":"Sync","timeZone":"Mars/Olympus_Mons"}""", "#/timeZone")]
    [InlineData("""{"name":"Sync","timeZone":"UTC","weekday":"funday"}""", "#/weekday")]
    [InlineData("""{"name":"Sync","timeZone":"UTC","startTime":"25:00"}""", "#/startTime")]
    [InlineData("""{"name":"Sync","timeZone":"UTC","horizonWeeks":8}""", "#/horizonWeeks")]
    [InlineData("""{"name":"Sync\u0000","timeZone":"UTC"}""", "#/name")]
    [InlineData("""{"name":"Sync","timeZone":"UTC","participants":[{"name":"x","function":"wizard"}]}""", "#/participants/0/function")]
    [InlineData("""{"name":"Sync","timeZone":"UTC","sections":[{"section":"initiatives","minutes":30}]}""", "#/sections")]
    public async Task CreateSeries_BadInput_400WithPointer_NothingStored(string body, string pointer)
    {
        var response = await _sync.Lead.PostAsync("/api/v1/sync-series", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await Problem.IsAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains(pointer, Problem.Pointers(problem));
        Assert.Equal(0, await _sync.WithMeetingsDbAsync(db => db.Series.CountAsync()));
    }

    [Theory]
    [InlineData("""{"type":"party","title":"t","date":"2027-03-02","durationMinutes":60,"presenter":"p","presenterFunction":"development"}""", "#/type")]
    [InlineData("""{"type":"devDemo","title":"t","date":"9999-12-31","durationMinutes":60,"presenter":"p","presenterFunction":"development"}""", "#/date")]
    [InlineData("""{"type":"devDemo","title":"t","date":"2027-03-02","durationMinutes":0,"presenter":"p","presenterFunction":"development"}""", "#/durationMinutes")]
    [InlineData("""{"type":"devDemo","title":"t","date":"2027-03-02","durationMinutes":60,"presenter":"p","presenterFunction":"sales"}""", "#/presenterFunction")]
    [InlineData("""{"type":"devDemo","title":"t","date":"2027-03-02","durationMinutes":60,"presenter":"p","presenterFunction":"design","attendees":[null]}""", "#/attendees/0")]
    [InlineData("""{"type":"devDemo","title":"t","date":"2027-03-02","durationMinutes":60,"presenter":"p","presenterFunction":"design","requestId":"not-a-uuid"}""", "#/requestId")]
    public async Task RecordSession_BadInput_400WithPointer_NothingStored(string body, string pointer)
    {
        var response = await _sync.Dave.PostAsync("/api/v1/sessions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(pointer, Problem.Pointers(problem));
        Assert.Equal(0, await _sync.WithMeetingsDbAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task CreateSeries_TimeboxesNotAddingUp_422_NothingStored()
    {
        var response = await _sync.Lead.PostAsJsonAsync("/api/v1/sync-series", new
        {
            name = "Sync", timeZone = "UTC",
            sections = new[]
            {
                new { section = "initiatives", minutes = 10 }, new { section = "roadblocks", minutes = 10 },
                new { section = "quickWins", minutes = 5 }, new { section = "actionItems", minutes = 6 },
            },
        });

        var problem = await Problem.IsAsync(response, HttpStatusCode.UnprocessableEntity, "unprocessable");
        Assert.Equal(31, problem.GetProperty("sectionsTotal").GetInt32());
        Assert.Equal(0, await _sync.WithMeetingsDbAsync(db => db.Series.CountAsync()));
    }

    [Fact]
    public async Task CreateSeries_ByMarketing_403_NothingStored()
    {
        await Problem.IsAsync(await _sync.Maria.PostAsJsonAsync("/api/v1/sync-series", Series()), HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(0, await _sync.WithMeetingsDbAsync(db => db.Series.CountAsync()));
    }

    [Fact]
    public async Task Meetings_BadInput_RefusedWithProblemDetails_NothingStored()
    {
        var utc = await CreateSeriesAsync(_sync.Lead);
        var berlinNight = await CreateSeriesAsync(_sync.Lead, new { name = "Night sync", timeZone = "Europe/Berlin", weekday = "sunday", startTime = "02:30" });

        var nonexistentDate = await _sync.Lead.PostAsync($"/api/v1/sync-series/{utc}/meetings",
            new StringContent("""{"date":"2027-02-30"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(["#/date"], Problem.Pointers(await Problem.IsAsync(nonexistentDate, HttpStatusCode.BadRequest, "malformed-request")));
        var skipped = await Problem.IsAsync(await _sync.Lead.PostAsJsonAsync($"/api/v1/sync-series/{berlinNight}/meetings", new { date = "2027-03-28" }),
            HttpStatusCode.UnprocessableEntity, "unprocessable");
        Assert.Equal("NONEXISTENT_LOCAL_TIME", skipped.GetProperty("code").GetString());
        await Problem.IsAsync(await _sync.Maria.PostAsJsonAsync($"/api/v1/sync-series/{utc}/meetings", new { date = NextWeek }), HttpStatusCode.Forbidden, "forbidden");
        var far = await Problem.IsAsync(await _sync.Lead.PostAsJsonAsync($"/api/v1/sync-series/{utc}/meetings", new { date = "9999-12-31" }),
            HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/date"], Problem.Pointers(far));
        Assert.Equal(0, await _sync.WithMeetingsDbAsync(db => db.Meetings.CountAsync()));

        var meeting = await ScheduleAsync(_sync.Lead, utc, NextWeek);
        await Problem.IsAsync(await _sync.Lead.PostAsJsonAsync($"/api/v1/sync-series/{utc}/meetings", new { date = NextWeek }), HttpStatusCode.Conflict, "conflict");
        var early = await Problem.IsAsync(await _sync.Lead.PostAsJsonAsync($"/api/v1/meetings/{Id(meeting)}/action-items",
            new { title = "Too early", owner = "maria", dueDate = NextWeek.AddDays(-1) }), HttpStatusCode.UnprocessableEntity, "unprocessable");
        Assert.Equal("DUE_BEFORE_MEETING", early.GetProperty("code").GetString());
        Assert.Equal(0, await _sync.WithMeetingsDbAsync(db => db.ActionItems.CountAsync()));

        var crowd = await Problem.IsAsync(await _sync.Lead.PostAsJsonAsync($"/api/v1/meetings/{Id(meeting)}/complete", new
        {
            attendees = Enumerable.Range(1, 10_000).Select(i => new { name = $"person {i}", function = "other" }),
        }), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/attendees"], Problem.Pointers(crowd));
        Assert.Equal("scheduled", (await _sync.Maria.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{Id(meeting)}")).GetProperty("status").GetString());

        var completed = await SyncFixture.JsonAsync(await _sync.Lead.PostAsJsonAsync($"/api/v1/meetings/{Id(meeting)}/complete", new
        {
            attendees = new[] { new { name = "maria", function = "marketing" }, new { name = "dave", function = "development" } },
            sectionMinutes = new Dictionary<string, int> { ["initiatives"] = 12, ["roadblocks"] = 8, ["quickWins"] = 5, ["actionItems"] = 4 },
            notes = "Short one", decisions = new[] { "Magic link instead of SSO" },
        }), HttpStatusCode.OK);
        Assert.Equal([12, 8, 5, 4], completed.GetProperty("completion").GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("actual").GetInt32()));
        Assert.Equal([10, 10, 5, 5], completed.GetProperty("completion").GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("planned").GetInt32()));
        var completedEvent = (await _sync.OutboxAsync()).Single(e => e.Type == "MeetingCompleted").Body;
        Assert.Equal(30, completedEvent.GetProperty("plannedMinutes").GetInt32());
        Assert.Equal(29, completedEvent.GetProperty("actualMinutes").GetInt32());
        Assert.Equal(1, completedEvent.GetProperty("attendanceByFunction").GetProperty("development").GetInt32());
        Assert.Equal(1, completedEvent.GetProperty("decisions").GetInt32());
        await Problem.IsAsync(await _sync.Lead.PostAsJsonAsync($"/api/v1/meetings/{Id(meeting)}/complete", new
        {
            attendees = new[] { new { name = "maria", function = "marketing" } },
        }), HttpStatusCode.Conflict, "conflict");
        Assert.Single(await _sync.OutboxAsync(), e => e.Type == "MeetingCompleted");
        await Problem.IsAsync(await _sync.Lead.PostAsync($"/api/v1/meetings/{Id(meeting)}/refresh", null), HttpStatusCode.Conflict, "conflict");
    }
}
