using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MarketingDev.Gateway.Tests.Hardening;

/// <summary>
/// The bad input that answered 500 (or 503) before: each is now a 4xx problem document naming the field, and nothing is
/// stored.
/// </summary>
public sealed class HostileInputTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<int> CountRequestsAsync(HttpClient client, string title)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/requests?q={Uri.EscapeDataString(title)}&limit=100");
        return page.GetProperty("items").GetArrayLength();
    }

    [Theory]
    [InlineData("""{"title":"Nul\u0000title"}""", "#/title")]
    [InlineData("""{"title":"Nul in story","userStory":{"asA":"a\u0000b"}}""", "#/userStory/asA")]
    [InlineData("""{"title":"Null criterion","acceptanceCriteria":[null]}""", "#/acceptanceCriteria/0")]
    [InlineData("""{"title":"Null asset","designAssets":[{"url":"https://figma.com/x"},null]}""", "#/designAssets/1")]
    [InlineData("""{"title":"Null parameter","trackingRequirements":[{"eventName":"sign_up","parameters":[null]}]}""", "#/trackingRequirements/0/parameters/0")]
    [InlineData("""{"title":"Far launch","launchDate":"9999-12-31"}""", "#/launchDate")]
    public async Task Draft_WithHostileField_Is400NamingIt_AndStoresNothing(string body, string pointer)
    {
        using var client = fixture.Client();

        var response = await client.PostAsync("/api/v1/requests", Json(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains(pointer, ProblemAssert.Pointers(problem));
        var title = JsonNode.Parse(body)!["title"]!.GetValue<string>();
        Assert.Equal(0, await CountRequestsAsync(client, title.Replace("\0", "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("""{"title":"Big KPI","marketingContext":{"kpi":{"name":"x","baseline":1e309}}}""")]
    [InlineData("""{"title":"NaN KPI","marketingContext":{"kpi":{"name":"x","target":"NaN"}}}""")]
    [InlineData("""{"title":"Minus infinity","marketingContext":{"kpi":{"name":"x","target":"-Infinity"}}}""")]
    public async Task Draft_WithNonFiniteNumber_Is400(string body)
    {
        using var client = fixture.Client();

        var response = await client.PostAsync("/api/v1/requests", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Readiness_OfAFarAwayLaunchDate_Is400_Not500()
    {
        using var client = fixture.Client();

        var response = await client.PostAsync("/api/v1/readiness", Json("""{"title":"Far","launchDate":"9999-12-31"}"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/launchDate"], ProblemAssert.Pointers(problem));
    }

    [Fact]
    public async Task Search_WithNulInQuery_Is400NamingTheParameter()
    {
        using var client = fixture.Client();

        var response = await client.GetAsync("/api/v1/requests?q=a%00b");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["q"], ProblemAssert.Pointers(problem));
    }

    [Fact]
    public async Task TenMegabyteBody_Is413Problem()
    {
        using var client = fixture.Client();
        var body = "{\"title\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";

        var response = await client.PostAsync("/api/v1/requests", Json(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task HugeTargetStatus_Is400_Not503()
    {
        using var client = fixture.Client();
        var created = await (await client.PostAsJsonAsync("/api/v1/requests", new { title = "Transition target" })).Content.ReadFromJsonAsync<JsonElement>();

        var response = await client.PostAsJsonAsync($"/api/v1/requests/{created.GetProperty("id").GetString()}/transitions",
            new { to = new string('z', 64 * 1024) });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/to"], ProblemAssert.Pointers(problem));
    }

    [Fact]
    public async Task VeryLongUrl_Is414Problem()
    {
        using var client = fixture.Client();

        var response = await client.GetAsync("/api/v1/requests?q=" + new string('a', 20_000));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestUriTooLong, "uri-too-long");
    }

    [Fact]
    public async Task ApiKeyName_WithNul_Is400()
    {
        using var client = fixture.Client();

        var response = await client.PostAsync("/api/v1/api-keys", Json("""{"name":"eve\u0000","role":"developer"}"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/name"], ProblemAssert.Pointers(problem));
    }
}
