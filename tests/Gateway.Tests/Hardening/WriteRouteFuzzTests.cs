using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MarketingDev.TestSupport;

namespace MarketingDev.Gateway.Tests.Hardening;

/// <summary>
/// Property: whatever one field of a valid body is replaced with, removed, or joined by, no write route answers 5xx,
/// and every 4xx is a problem document. A fixed seed runs in CI; FUZZ_SEED and FUZZ_ITERATIONS run a long one on
/// demand (FUZZ_ITERATIONS=5000 dotnet test --project tests/Gateway.Tests -- --filter-class "*WriteRouteFuzzTests").
/// </summary>
public sealed class WriteRouteFuzzTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly JsonNode?[] Hostile =
    [
        null, "", " ", "a\u0000b", "\u0000", new string('x', 70_000), "9999-12-31", "0001-01-01", "2026-02-30", "NaN", "-Infinity",
        "🎉", "<script>alert(1)</script>", "' OR 1=1 --", "%_\\", 0, -1, int.MaxValue, long.MinValue, 1e300, -0.0, 3.5, true, false,
        new JsonArray(), new JsonArray((JsonNode?)null), new JsonArray("a\u0000"), new JsonObject(),
        new JsonObject { ["unexpected"] = 1 },
    ];

    [Fact]
    public async Task EveryWriteRoute_UnderMutatedBodies_NeverAnswers5xx()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261126;
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), CultureInfo.InvariantCulture, out var n) ? n : 300;
        var random = new Random(seed);
        using var client = fixture.Client();
        var request = await (await client.PostAsJsonAsync("/api/v1/requests", new { title = "Fuzz target" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = request.GetProperty("id").GetString();
        var bug = await (await client.PostAsJsonAsync("/api/v1/bugs", new { title = "Fuzz bug", severity = "low" })).Content.ReadFromJsonAsync<JsonElement>();
        var routes = new (HttpMethod Method, string Path, string Body)[]
        {
            (HttpMethod.Post, "/api/v1/requests", JsonSerializer.Serialize(Bodies.ReadyRequest("Fuzzed"))),
            (HttpMethod.Put, $"/api/v1/requests/{id}", JsonSerializer.Serialize(Bodies.ReadyRequest("Fuzzed edit"))),
            (HttpMethod.Post, "/api/v1/readiness", JsonSerializer.Serialize(Bodies.ReadyRequest("Fuzzed lint"))),
            (HttpMethod.Post, $"/api/v1/requests/{id}/transitions", """{"to":"withdrawn","reason":"fuzz"}"""),
            (HttpMethod.Put, $"/api/v1/requests/{id}/estimate", """{"size":"m","days":3.5,"quickWin":true}"""),
            (HttpMethod.Post, $"/api/v1/requests/{id}/clarifications", """{"question":"Which CRM field?"}"""),
            (HttpMethod.Post, $"/api/v1/requests/{id}/roadblocks", """{"description":"Quota too low","severity":"high"}"""),
            (HttpMethod.Post, "/api/v1/bugs", """{"title":"Form breaks","severity":"high","stepsToReproduce":["Open","Submit"],"expected":"OK","actual":"Blank","environment":{"browser":"Safari","os":"iOS"},"evidence":["https://example.com/shot.png"]}"""),
            (HttpMethod.Post, $"/api/v1/bugs/{bug.GetProperty("id").GetString()}/transitions", """{"to":"fixed","reason":"fuzz"}"""),
            (HttpMethod.Post, "/api/v1/api-keys", """{"name":"fuzz-key","role":"developer"}"""),
        };

        var failures = new List<string>();
        for (var i = 0; i < iterations && failures.Count < 5; i++)
        {
            var (method, path, template) = routes[random.Next(routes.Length)];
            var body = JsonMutation.Mutate(JsonNode.Parse(template)!, random, Hostile, structuralOneIn: 10);
            using var message = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

            using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);

            var status = (int)response.StatusCode;
            if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                failures.Add($"{method} {path} {Shorten(body)} → {status} {Shorten(answer)}");
            }
        }

        Assert.True(failures.Count == 0, $"Seed {seed}:\n" + string.Join("\n", failures));
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
