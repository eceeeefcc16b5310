using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MarketingDev.Gateway.Tests.Requests;

public sealed class QueryAndExportTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _client = _fixture.Client();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _fixture.DisposeAsync();
    }

    private async Task<string> Draft(object body)
    {
        var created = await _client.PostAsJsonAsync("/api/v1/requests", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.Location!.ToString();
    }

    private async Task<List<string>> TitlesAsync(string query) =>
        (await _client.GetFromJsonAsync<JsonElement>("/api/v1/requests?" + query)).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task List_FiltersCombine_AndQSearchesTitleAndStory()
    {
        await Draft(new { title = "Spring landing page", type = "landingPage", priority = "high", launchDate = "2027-03-01",
            userStory = new { asA = "campaign manager", iWant = "a page for the 50% discount", soThat = "we get leads" } });
        await Draft(new { title = "Newsletter template", type = "content", priority = "low", launchDate = "2027-05-01",
            userStory = new { asA = "editor", iWant = "a reusable template", soThat = "sending is quicker" } });
        await Draft(new { title = "Cart tracking", type = "tracking", priority = "high", launchDate = "2027-04-01" });

        Assert.Equal(["Cart tracking", "Spring landing page"], await TitlesAsync("priority=high"));
        Assert.Equal(["Spring landing page"], await TitlesAsync("type=landingPage&priority=high"));
        Assert.Equal(["Cart tracking", "Spring landing page"], await TitlesAsync("launchFrom=2027-03-01&launchTo=2027-04-01"));
        Assert.Equal(["Newsletter template"], await TitlesAsync("q=REUSABLE%20editor"));
        Assert.Equal(["Spring landing page"], await TitlesAsync("q=50%25"));
        Assert.Empty(await TitlesAsync("q=100%25"));
        Assert.Equal(["Cart tracking", "Newsletter template", "Spring landing page"], await TitlesAsync("status=draft"));
    }

    [Theory]
    [InlineData("status=done", "#/status")]
    [InlineData("type=website", "#/type")]
    [InlineData("launchFrom=March", "#/launchFrom")]
    public async Task List_UnknownFilterValue_Is400NamingIt(string query, string pointer)
    {
        var problem = await ProblemAssert.IsProblemAsync(await _client.GetAsync("/api/v1/requests?" + query), HttpStatusCode.BadRequest, "validation");

        Assert.Equal([pointer], ProblemAssert.Pointers(problem));
    }

    [Fact]
    public async Task TrackingPlan_IsJsonByDefault_AndCsvOnRequest_OneRowPerEventParameter()
    {
        var location = await Draft(new
        {
            title = "Checkout tracking",
            type = "tracking",
            trackingRequirements = new object[]
            {
                new { eventName = "begin_checkout", trigger = "Checkout, step 1", parameters = new[] { new { name = "value", description = "Cart \"total\"" }, new { name = "currency", description = "ISO code" } } },
                new { eventName = "Add To Cart", trigger = "=HYPERLINK(\"x\")" },
            },
        });

        var json = await _client.GetFromJsonAsync<JsonElement>($"{location}/tracking-plan");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{location}/tracking-plan");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await _client.SendAsync(request);

        Assert.Equal(2, json.GetProperty("events").GetArrayLength());
        var codes = json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("GA4_EVENT_NAME_INVALID", codes);
        Assert.Contains("GA4_RESERVED_NAME", codes); // currency is a reserved parameter name
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("tracking-plan.csv", csv.Content.Headers.ContentDisposition?.ToString() ?? csv.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal(
            "event_name,trigger,parameter_name,parameter_description\r\n" +
            "begin_checkout,\"Checkout, step 1\",value,\"Cart \"\"total\"\"\"\r\n" +
            "begin_checkout,\"Checkout, step 1\",currency,ISO code\r\n" +
            "Add To Cart,\"'=HYPERLINK(\"\"x\"\")\",,\r\n",
            await csv.Content.ReadAsStringAsync());
    }
}
