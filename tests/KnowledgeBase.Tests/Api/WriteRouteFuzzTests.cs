using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MarketingDev.TestSupport;

namespace MarketingDev.KnowledgeBase.Tests.Api;

/// <summary>
/// Property: whatever one field of a valid knowledge-base body is replaced with, removed, or joined by, no write route
/// answers 5xx, and every 4xx is a problem document. A fixed seed, so a failure reproduces.
/// </summary>
public sealed class WriteRouteFuzzTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private static readonly JsonNode?[] Hostile =
    [
        null, "", " ", "a\u0000b", "\u0000", new string('x', 120_000), "NaN", "🎉", "<script>alert(1)</script>", "javascript:alert(1)",
        "' OR 1=1 --", "& | ! : * ( ) ' % _ \\", 0, -1, int.MaxValue, long.MinValue, 1e300, 3.5, true, false,
        new JsonArray(), new JsonArray((JsonNode?)null), new JsonArray("a\u0000"), new JsonArray(Enumerable.Range(0, 60).Select(i => (JsonNode?)$"t{i}").ToArray()),
        new JsonObject(), new JsonObject { ["unexpected"] = 1 }, "techStack", "glossary", "oauth3", "readWrite",
    ];

    [Fact]
    public async Task EveryKnowledgeWriteRoute_UnderMutatedBodies_NeverAnswers5xx()
    {
        var random = new Random(20261126);
        using var client = fixture.Client();
        var article = await (await client.PostAsJsonAsync("/api/v1/kb/articles", new { kind = "procedure", title = "Fuzz target", body = "Body." }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var articleId = article.GetProperty("id").GetString();
        var question = await (await client.PostAsJsonAsync("/api/v1/kb/questions", new { text = "Fuzz question?" })).Content.ReadFromJsonAsync<JsonElement>();
        var questionId = question.GetProperty("question").GetProperty("id").GetString();
        var miss = await client.GetFromJsonAsync<JsonElement>($"/api/v1/kb/search?q={Unique.Word()}");
        var gapId = miss.GetProperty("gap").GetProperty("id").GetString();
        var routes = new (HttpMethod Method, string Path, string Body)[]
        {
            (HttpMethod.Post, "/api/v1/kb/articles", """{"kind":"procedure","title":"T","body":"B","tags":["a"],"ownerTeam":"web","reviewIntervalDays":30,"appliesTo":["x"]}"""),
            (HttpMethod.Post, "/api/v1/kb/articles", """{"kind":"techStack","title":"T","techStack":{"component":"C","category":"crm","version":"1","vendor":"V","owner":"O"}}"""),
            (HttpMethod.Post, "/api/v1/kb/articles", """{"kind":"apiDoc","title":"T","apiDoc":{"system":"S","baseUrl":"https://a.example","auth":"oauth2","rateLimit":{"limit":1,"windowSeconds":1},"endpoints":[{"method":"GET","path":"/a","summary":"s"}]}}"""),
            (HttpMethod.Post, "/api/v1/kb/articles", """{"kind":"dataSchema","title":"T","dataSchema":{"entity":"E","fields":[{"name":"n","type":"string","access":"read","source":"s","pii":true}]}}"""),
            (HttpMethod.Post, "/api/v1/kb/articles", """{"kind":"glossary","title":"T","glossary":{"term":"MQL","plainExplanation":"P","side":"marketing","aliases":["a"]}}"""),
            (HttpMethod.Put, $"/api/v1/kb/articles/{articleId}", """{"kind":"procedure","title":"T","body":"B","changeSummary":"c"}"""),
            (HttpMethod.Post, "/api/v1/kb/questions", """{"text":"Who owns the CRM?"}"""),
            (HttpMethod.Post, $"/api/v1/kb/questions/{questionId}/answer", """{"answer":"A","promoteToFaq":false}"""),
            (HttpMethod.Post, "/api/v1/kb/glossary/annotate", """{"text":"an MQL"}"""),
            (HttpMethod.Post, $"/api/v1/kb/gaps/{gapId}/resolve", $$"""{"articleId":"{{articleId}}"}"""),
        };

        var failures = new List<string>();
        for (var i = 0; i < 200 && failures.Count < 5; i++)
        {
            var (method, path, template) = routes[random.Next(routes.Length)];
            var body = JsonMutation.Mutate(JsonNode.Parse(template)!, random, Hostile, structuralOneIn: 3);
            using var message = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

            using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);

            var status = (int)response.StatusCode;
            if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                failures.Add($"{method} {path} {Truncate(body)} → {status} {Truncate(answer)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Publish_NotJson_Is400Problem()
    {
        using var client = fixture.Client();

        var response = await client.PostAsync("/api/v1/kb/articles", new StringContent("{\"kind\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
