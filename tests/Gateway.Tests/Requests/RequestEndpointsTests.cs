using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MarketingDev.Gateway.Tests.Requests;

public sealed class RequestEndpointsTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private async Task<int> CountAsync()
    {
        using var client = _fixture.Client();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/requests?limit=100");
        return page.GetProperty("items").GetArrayLength();
    }

    [Fact]
    public async Task Draft_ThenGet_ReturnsTheRequestWithLocationAndETag()
    {
        using var client = _fixture.Client(await _fixture.KeyForAsync("marketing", "maria@marketing"));

        var created = await client.PostAsJsonAsync("/api/v1/requests", new
        {
            title = "Spring landing page",
            type = "landingPage",
            launchDate = "2027-03-01",
            userStory = new { asA = "campaign manager", iWant = "a landing page", soThat = "we capture leads" },
            acceptanceCriteria = new[] { new { text = "Form submits in under 2 s on 4G" } },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("maria@marketing", body.GetProperty("requester").GetString());
        Assert.Equal("draft", body.GetProperty("status").GetString());
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
        var fetched = await client.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(created.Headers.ETag, fetched.Headers.ETag);
        var read = await fetched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(body.GetProperty("key").GetString(), read.GetProperty("key").GetString());
        Assert.Equal("2027-03-01", read.GetProperty("launchDate").GetString());
        Assert.Equal("AC1", read.GetProperty("acceptanceCriteria")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Get_WithCurrentETag_Is304()
    {
        using var client = _fixture.Client();
        var created = await client.PostAsJsonAsync("/api/v1/requests", new { title = "Cached" });
        using var request = new HttpRequestMessage(HttpMethod.Get, created.Headers.Location);
        request.Headers.IfNoneMatch.Add(created.Headers.ETag!);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownId_Is404Problem()
    {
        using var client = _fixture.Client();

        var response = await client.GetAsync($"/api/v1/requests/{Guid.NewGuid()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "malformed JSON", "{\"title\": ", "malformed-request" },
        { "wrong type", "{\"title\": 5}", "malformed-request" },
        { "unknown field", "{\"title\": \"x\", \"titel\": \"y\"}", "malformed-request" },
        { "missing title", "{\"type\": \"feature\"}", "malformed-request" },
        { "empty title", "{\"title\": \"\"}", "validation" },
        { "unknown enum", "{\"title\": \"x\", \"priority\": \"asap\"}", "validation" },
        { "bad date", "{\"title\": \"x\", \"launchDate\": \"2027-02-30\"}", "malformed-request" },
        { "relative asset", "{\"title\": \"x\", \"designAssets\": [{\"url\": \"hero.png\"}]}", "validation" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Draft_BadBody_Is400ProblemWithAPointer_AndStoresNothing(string _, string json, string type)
    {
        using var client = _fixture.Client();
        var before = await CountAsync();

        var response = await client.PostAsync("/api/v1/requests", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, type);
        Assert.All(ProblemAssert.Pointers(problem), p => Assert.StartsWith("#", p, StringComparison.Ordinal));
        Assert.NotEmpty(ProblemAssert.Pointers(problem));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Draft_MissingTitle_PointsAtTheTitle()
    {
        using var client = _fixture.Client();

        var response = await client.PostAsync("/api/v1/requests", new StringContent("{\"type\":\"feature\"}", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-request");
        Assert.Equal(["#/title"], ProblemAssert.Pointers(problem));
    }

    [Fact]
    public async Task List_PagesWithCursorAndLinkHeader()
    {
        using var client = _fixture.Client();
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/requests", new { title = $"Paged {i}" })).EnsureSuccessStatusCode();
        }

        var first = await client.GetAsync("/api/v1/requests?limit=2");
        var firstPage = await first.Content.ReadFromJsonAsync<JsonElement>();
        var next = first.Headers.GetValues("Link").Single();
        var cursor = firstPage.GetProperty("nextCursor").GetString()!;
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/requests?limit=2&cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(["Paged 2", "Paged 1"], firstPage.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("title").GetString()));
        Assert.Contains("rel=\"next\"", next, StringComparison.Ordinal);
        Assert.Contains("limit=2", next, StringComparison.Ordinal);
        Assert.Equal(["Paged 0"], second.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("cursor=forged")]
    public async Task List_BadPagingParameter_Is400Problem(string query)
    {
        using var client = _fixture.Client();

        var response = await client.GetAsync("/api/v1/requests?" + query);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/" + query.Split('=')[0]], ProblemAssert.Pointers(problem));
    }
}
