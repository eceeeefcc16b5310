using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MarketingDev.Gateway.Errors;

namespace MarketingDev.Gateway.Tests.Access;

/// <summary>GET /api/v1/problems lists the catalogue the code writes problems from, and failing calls only answer listed types.</summary>
public sealed class ProblemCatalogueTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProblemsRoute_ListsEveryCatalogueEntry_EachWithTitleStatusAndWhen()
    {
        using var client = fixture.WithKey(await fixture.KeyForAsync("marketing"));

        var listed = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/problems", Ct);

        Assert.NotNull(listed);
        Assert.Equal(ProblemCatalogue.All.Select(p => p.Type), listed.Select(p => p.GetProperty("type").GetString()));
        Assert.Equal(listed.Count, listed.Select(p => p.GetProperty("type").GetString()).Distinct().Count());
        Assert.All(listed, p =>
        {
            Assert.StartsWith(Problems.TypeBase, p.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("when").GetString()));
            Assert.InRange(p.GetProperty("status").GetInt32(), 400, 599);
        });
    }

    [Fact]
    public async Task FailingCalls_AnswerOnlyCataloguedTypes_WithTheCataloguedStatusAndTitle()
    {
        using var admin = fixture.WithKey(AccessFixture.AdminKey);
        using var marketing = fixture.WithKey(await fixture.KeyForAsync("marketing"));
        using var anonymous = fixture.Anonymous();
        var draft = await (await admin.PostAsJsonAsync("/api/v1/requests", new { title = "Catalogue target" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = draft.GetProperty("id").GetString();
        var idempotencyKey = Guid.NewGuid().ToString();

        var calls = new (string Expected, HttpClient Client, Func<HttpRequestMessage> Request)[]
        {
            ("malformed-request", admin, () => Json(HttpMethod.Post, "/api/v1/requests", "{")),
            ("malformed-request", admin, () => Json(HttpMethod.Post, "/api/v1/requests", """{"title":"x","unknownField":1}""")),
            ("validation", admin, () => Json(HttpMethod.Post, "/api/v1/requests", """{"title":""}""")),
            ("validation", admin, () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests?q=a%00b")),
            ("unauthenticated", anonymous, () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests")),
            ("forbidden", marketing, () => Json(HttpMethod.Post, "/api/v1/api-keys", """{"name":"x","role":"admin"}""")),
            ("not-found", admin, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{Guid.NewGuid()}")),
            ("not-found", admin, () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-route")),
            ("method-not-allowed", admin, () => new HttpRequestMessage(HttpMethod.Delete, "/api/v1/readiness")),
            ("unsupported-media-type", admin, () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = new StringContent("title", Encoding.UTF8, "text/plain") }),
            ("conflict", admin, () => Json(HttpMethod.Post, $"/api/v1/requests/{id}/transitions", """{"to":"delivered","reason":"skip ahead"}""")),
            ("precondition-failed", admin, () => WithHeader(Json(HttpMethod.Put, $"/api/v1/requests/{id}", """{"title":"Edited"}"""), "If-Match", "\"99\"")),
            ("unprocessable", admin, () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{id}/submit")),
            ("idempotency-key-invalid", admin, () => WithHeader(Json(HttpMethod.Post, "/api/v1/requests", """{"title":"x"}"""), "Idempotency-Key", new string('k', 300))),
            ("idempotency-key-reused", admin, () => WithHeader(Json(HttpMethod.Post, "/api/v1/requests", """{"title":"second body"}"""), "Idempotency-Key", idempotencyKey)),
            ("uri-too-long", admin, () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests?q=" + new string('a', 9000))),
            ("headers-too-large", admin, () => WithHeader(new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests"), "X-Padding", new string('p', 40_000))),
        };
        (await admin.SendAsync(WithHeader(Json(HttpMethod.Post, "/api/v1/requests", """{"title":"first body"}"""), "Idempotency-Key", idempotencyKey), Ct)).EnsureSuccessStatusCode();

        var failures = new List<string>();
        foreach (var (expected, client, request) in calls)
        {
            using var message = request();
            using var response = await client.SendAsync(message, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{message.Method} {message.RequestUri}: {(int)response.StatusCode} is not a problem document");
                continue;
            }

            var problem = JsonDocument.Parse(body).RootElement;
            var type = problem.GetProperty("type").GetString();
            var entry = ProblemCatalogue.All.SingleOrDefault(p => p.Type == type);
            if (entry is null)
            {
                failures.Add($"{message.Method} {message.RequestUri}: type {type} is not in the catalogue");
            }
            else if (entry.Slug != expected || entry.Status != (int)response.StatusCode || entry.Title != problem.GetProperty("title").GetString())
            {
                failures.Add($"{message.Method} {message.RequestUri}: expected {expected}, got {(int)response.StatusCode} {type} '{problem.GetProperty("title").GetString()}'");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage WithHeader(HttpRequestMessage message, string name, string value)
    {
        message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }
}
