using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Tests.Api;

/// <summary>The knowledge base as a user of the REST API sees it: the real Gateway in front of the real services.</summary>
public sealed class KnowledgeApiTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private const string Kb = "/api/v1/kb";

    private static object Procedure(string title, string body = "Step one.") => new { kind = "procedure", title, body, tags = new[] { "sop" } };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> PublishAsync(object body, HttpClient? client = null)
    {
        using var admin = fixture.Client();
        return await JsonAsync(await (client ?? admin).PostAsJsonAsync($"{Kb}/articles", body), HttpStatusCode.Created);
    }

    private Task<int> ArticlesTitledAsync(string title) => fixture.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == title));

    [Fact]
    public async Task Publish_ThenGet_CarriesETag_AndIfNoneMatchGives304()
    {
        using var developer = await fixture.ClientForAsync("developer", "dave");
        var created = await developer.PostAsJsonAsync($"{Kb}/articles", Procedure("Launch checklist"));
        var article = await JsonAsync(created, HttpStatusCode.Created);

        using var marketing = await fixture.ClientForAsync("marketing");
        var read = await marketing.GetAsync(created.Headers.Location);
        var again = new HttpRequestMessage(HttpMethod.Get, created.Headers.Location);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"1\""));
        var notModified = await marketing.SendAsync(again);

        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal(("procedure", 1, 180, "dave"), (article.GetProperty("kind").GetString(), article.GetProperty("revision").GetInt32(),
            article.GetProperty("reviewIntervalDays").GetInt32(), article.GetProperty("createdBy").GetProperty("name").GetString()));
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Put_WithStaleIfMatch_Is412WithTheCurrentETag_AndStoresNoRevision()
    {
        using var client = fixture.Client();
        var article = await PublishAsync(Procedure("Deploy the tracking plan"));
        var url = $"{Kb}/articles/{article.GetProperty("id").GetString()}";
        var first = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { kind = "procedure", title = "Deploy the tracking plan", body = "Step one, then two.", changeSummary = "Two steps" }) };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(first)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Procedure("Deploy the tracking plan", "Lost update")) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var refused = await client.SendAsync(stale);

        await ProblemAsync(refused, HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal("\"2\"", refused.Headers.ETag?.Tag);
        var revisions = await JsonAsync(await client.GetAsync($"{url}/revisions"), HttpStatusCode.OK);
        Assert.Equal(2, revisions.GetArrayLength());
        Assert.Equal("Two steps", revisions[1].GetProperty("changeSummary").GetString());
    }

    [Fact]
    public async Task Delete_WithStaleIfMatch_Is412_AndKeepsTheArticle_WithTheCurrentOne_Is204()
    {
        using var client = fixture.Client();
        var article = await PublishAsync(Procedure("Archive old landing pages"));
        var url = $"{Kb}/articles/{article.GetProperty("id").GetString()}";
        var review = new HttpRequestMessage(HttpMethod.Post, $"{url}/review");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(review)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Delete, url);
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var refused = await client.SendAsync(stale);
        var stillThere = await client.GetAsync(url);
        var current = new HttpRequestMessage(HttpMethod.Delete, url);
        current.Headers.IfMatch.Add(new EntityTagHeaderValue("\"2\""));
        var deleted = await client.SendAsync(current);

        await ProblemAsync(refused, HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal("\"2\"", refused.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Stale_PagedWithTheCursor_GivesTheWholeListOnceInOrder()
    {
        using var client = fixture.Client();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var article = await PublishAsync(Procedure($"Stale page {Unique.Word()}"));
            ids.Add(article.GetProperty("id").GetString()!);
            await fixture.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"UPDATE articles SET last_reviewed_at = now() - make_interval(days => {400 + i}), review_due_at = now() - make_interval(days => {300 + i}) WHERE id = {Guid.Parse(ids[^1])}"));
        }

        var whole = (await JsonAsync(await client.GetAsync($"{Kb}/stale?limit=100"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("id").GetString()!).ToList();
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetAsync($"{Kb}/stale?limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            var body = await JsonAsync(page, HttpStatusCode.OK);
            paged.AddRange(body.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
            cursor = body.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null && paged.Count < 200);
        var badCursor = await client.GetAsync($"{Kb}/stale?cursor=bm9wZQ");

        // Oldest review first: 402, 401, 400 days ago.
        Assert.Equal(whole, paged);
        Assert.Equal([ids[2], ids[1], ids[0]], paged.Where(ids.Contains));
        await ProblemAsync(badCursor, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Revisions_AndDiff_ShowWhatChanged()
    {
        using var client = fixture.Client();
        var article = await PublishAsync(Procedure("Consent banner", "Show the banner.\nStore the choice."));
        var url = $"{Kb}/articles/{article.GetProperty("id").GetString()}";
        await JsonAsync(await client.PutAsJsonAsync(url, new { kind = "procedure", title = "Consent banner", body = "Show the banner.\nStore the choice for 12 months.", tags = new[] { "sop" }, changeSummary = "Retention" }), HttpStatusCode.OK);

        var diff = await JsonAsync(await client.GetAsync($"{url}/diff?from=1&to=2"), HttpStatusCode.OK);
        var second = await JsonAsync(await client.GetAsync($"{url}/revisions/2"), HttpStatusCode.OK);
        var missing = await client.GetAsync($"{url}/revisions/3");

        Assert.Equal((1, 1), (diff.GetProperty("added").GetInt32(), diff.GetProperty("removed").GetInt32()));
        var added = diff.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("type").GetString() == "added");
        Assert.Equal("Store the choice for 12 months.", added.GetProperty("text").GetString());
        Assert.Equal("Retention", second.GetProperty("changeSummary").GetString());
        Assert.Equal("Show the banner.\nStore the choice for 12 months.", second.GetProperty("content").GetProperty("body").GetString());
        await ProblemAsync(missing, HttpStatusCode.NotFound, "not-found");
        var noRevision = await ProblemAsync(await client.GetAsync($"{url}/diff?from=0&to=-1"), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/from", "#/to"], Pointers(noRevision));
    }

    [Fact]
    public async Task Writes_ByRole_AreRefusedWith403_AndStoreNothing()
    {
        using var marketing = await fixture.ClientForAsync("marketing");
        using var developer = await fixture.ClientForAsync("developer");
        var title = Unique.Word();
        var article = await PublishAsync(Procedure(Unique.Word()));
        var url = $"{Kb}/articles/{article.GetProperty("id").GetString()}";

        await ProblemAsync(await marketing.PostAsJsonAsync($"{Kb}/articles", Procedure(title)), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAsync(await marketing.PutAsJsonAsync(url, Procedure(title)), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAsync(await marketing.PostAsync($"{url}/review", null), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAsync(await developer.DeleteAsync(url), HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(0, await ArticlesTitledAsync(title));
        Assert.Equal(HttpStatusCode.OK, (await marketing.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketing.GetAsync($"{Kb}/search?q=anything")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await marketing.PostAsJsonAsync($"{Kb}/questions", new { text = "Who owns the CRM?" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Client().DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marketing.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("""{"kind":"wiki","title":"T","body":"B"}""", "#/kind")]
    [InlineData("""{"kind":"procedure","title":"","body":"B"}""", "#/title")]
    [InlineData("""{"kind":"techStack","title":"HubSpot","body":""}""", "#/techStack")]
    [InlineData("""{"kind":"procedure","title":"T","body":"B","apiDoc":{"system":"X","baseUrl":"https://x.example","auth":"basic"}}""", "#/apiDoc")]
    [InlineData("""{"kind":"techStack","title":"T","techStack":{"component":"HubSpot","category":"erp"}}""", "#/techStack/category")]
    [InlineData("""{"kind":"apiDoc","title":"T","apiDoc":{"system":"X","baseUrl":"https://x.example","auth":"oauth3"}}""", "#/apiDoc/auth")]
    [InlineData("""{"kind":"dataSchema","title":"T","dataSchema":{"entity":"Lead","fields":[{"name":"email","type":"string","access":"write"}]}}""", "#/dataSchema/fields/0/access")]
    [InlineData("""{"kind":"glossary","title":"T","glossary":{"term":"MQL","plainExplanation":"x","side":"sales"}}""", "#/glossary/side")]
    public async Task Publish_InvalidContent_Is400NamingTheField_AndStoresNothing(string json, string pointer)
    {
        using var client = fixture.Client();
        var before = await fixture.WithDbAsync(db => db.Articles.CountAsync());

        var response = await client.PostAsync($"{Kb}/articles", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains(pointer, Pointers(problem));
        Assert.Equal(before, await fixture.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Publish_StructuredKinds_RoundTripTheirData()
    {
        var api = await PublishAsync(new
        {
            kind = "apiDoc", title = "HubSpot CRM API", body = "Use the private app token.", ownerTeam = "revops",
            apiDoc = new { system = "HubSpot", baseUrl = "https://api.hubapi.com", auth = "oauth2", rateLimit = new { limit = 100, windowSeconds = 10 },
                endpoints = new[] { new { method = "get", path = "/crm/v3/objects/contacts", summary = "List contacts" } } },
        });
        var schema = await PublishAsync(new
        {
            kind = "dataSchema", title = "Lead form", dataSchema = new { entity = "Lead", fields = new[] { new { name = "email", type = "string", access = "readWrite", source = "form", pii = true } } },
        });

        Assert.Equal(("oauth2", 100, "GET", 90), (api.GetProperty("apiDoc").GetProperty("auth").GetString(), api.GetProperty("apiDoc").GetProperty("rateLimit").GetProperty("limit").GetInt32(),
            api.GetProperty("apiDoc").GetProperty("endpoints")[0].GetProperty("method").GetString(), api.GetProperty("reviewIntervalDays").GetInt32()));
        Assert.Equal(("readWrite", true), (schema.GetProperty("dataSchema").GetProperty("fields")[0].GetProperty("access").GetString(),
            schema.GetProperty("dataSchema").GetProperty("fields")[0].GetProperty("pii").GetBoolean()));
    }

    [Fact]
    public async Task BodyHtml_DropsRawHtmlAndScriptLinks()
    {
        var article = await PublishAsync(Procedure("Embed rules",
            "<script>alert('x')</script>\n\n[ok](https://example.com) [bad](javascript:alert(1)) [worse](data:text/html;base64,PHNjcmlwdD4=)\n\n<img src=x onerror=alert(1)>"));

        var html = article.GetProperty("bodyHtml").GetString()!;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"https://example.com\">ok</a>", html, StringComparison.Ordinal);
        Assert.Contains("bad", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "rate%00limit",
        new string('a', 10_000),
        new string('x', 201),
        "",
        "%20%20",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Search_HostileQuery_Is400ProblemDetails_AndStoresNothing(string q)
    {
        using var marketing = await fixture.ClientForAsync("marketing");
        var before = await fixture.WithDbAsync(db => db.KnowledgeGaps.CountAsync());

        var response = await marketing.GetAsync($"{Kb}/search?q={q}");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong,
            $"Expected a 4xx problem, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await fixture.WithDbAsync(db => db.KnowledgeGaps.CountAsync()));
    }

    [Theory]
    [InlineData("& | ! : * ( ) ' % _ \\")]
    [InlineData("\"unterminated")]
    [InlineData("a:* | !b & (c")]
    [InlineData("%_%")]
    [InlineData("\\'")]
    public async Task Search_TsqueryAndLikeSyntax_IsNever500(string q)
    {
        using var marketing = await fixture.ClientForAsync("marketing");

        var response = await marketing.GetAsync($"{Kb}/search?q={Uri.EscapeDataString(q)}");

        var body = await JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(q, body.GetProperty("query").GetString());
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Search_UnknownKindFilter_Is400NamingIt()
    {
        var problem = await ProblemAsync(await fixture.Client().GetAsync($"{Kb}/search?q=crm&kind=wiki"), HttpStatusCode.BadRequest, "validation");

        Assert.Contains("kind", Pointers(problem).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gap_FromAMissToClosed_ByAnArticleThatAnswersIt()
    {
        using var marketing = await fixture.ClientForAsync("marketing");
        using var developer = await fixture.ClientForAsync("developer");
        var word = Unique.Word();

        var miss = await JsonAsync(await marketing.GetAsync($"{Kb}/search?q={word}%20inventory"), HttpStatusCode.OK);
        var again = await JsonAsync(await marketing.GetAsync($"{Kb}/search?q=Inventory%20{word.ToUpperInvariant()}!"), HttpStatusCode.OK);
        var open = await JsonAsync(await marketing.GetAsync($"{Kb}/gaps?status=open&limit=100"), HttpStatusCode.OK);
        var gapId = miss.GetProperty("gap").GetProperty("id").GetString();
        var article = await PublishAsync(new { kind = "faq", title = $"Live {word} inventory in emails", body = "Use the inventory feed." }, developer);
        var closed = await JsonAsync(await marketing.GetAsync($"{Kb}/gaps?status=closed&limit=100"), HttpStatusCode.OK);
        var found = await JsonAsync(await marketing.GetAsync($"{Kb}/search?q={word}%20inventory"), HttpStatusCode.OK);

        Assert.Equal((gapId, 2), (again.GetProperty("gap").GetProperty("id").GetString(), again.GetProperty("gap").GetProperty("occurrences").GetInt32()));
        Assert.Contains(open.EnumerateArray(), g => g.GetProperty("id").GetString() == gapId && g.GetProperty("occurrences").GetInt32() == 2);
        var closedGap = closed.EnumerateArray().Single(g => g.GetProperty("id").GetString() == gapId);
        Assert.Equal((article.GetProperty("id").GetString(), "matched"), (closedGap.GetProperty("closedByArticleId").GetString(), closedGap.GetProperty("closedHow").GetString()));
        Assert.Equal(JsonValueKind.Null, found.GetProperty("gap").ValueKind);
        Assert.Equal(article.GetProperty("id").GetString(), found.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ResolveGap_ByHand_NeedsAWriter_AndAnExistingArticle()
    {
        using var marketing = await fixture.ClientForAsync("marketing");
        var miss = await JsonAsync(await marketing.GetAsync($"{Kb}/search?q={Unique.Word()}"), HttpStatusCode.OK);
        var gapUrl = $"{Kb}/gaps/{miss.GetProperty("gap").GetProperty("id").GetString()}/resolve";
        var article = await PublishAsync(Procedure(Unique.Word()));

        await ProblemAsync(await marketing.PostAsJsonAsync(gapUrl, new { articleId = article.GetProperty("id").GetString() }), HttpStatusCode.Forbidden, "forbidden");
        var unknown = await ProblemAsync(await fixture.Client().PostAsJsonAsync(gapUrl, new { articleId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "validation");
        var resolved = await JsonAsync(await fixture.Client().PostAsJsonAsync(gapUrl, new { articleId = article.GetProperty("id").GetString() }), HttpStatusCode.OK);

        Assert.Equal(["#/articleId"], Pointers(unknown));
        Assert.Equal(("closed", "resolved"), (resolved.GetProperty("status").GetString(), resolved.GetProperty("closedHow").GetString()));
    }

    [Fact]
    public async Task RequestSubmitted_ThroughTheRequestsService_GivesTheRequestItsRelatedArticles()
    {
        using var marketing = await fixture.ClientForAsync("marketing", "maria");
        var topic = Unique.Word();
        var pitfall = await PublishAsync(new { kind = "pitfall", title = $"{topic} forms break on Safari", body = $"Test every {topic} form on Safari." });
        var faq = await PublishAsync(new { kind = "faq", title = $"What is {topic}?", body = "A form." });
        var request = await JsonAsync(await marketing.PostAsJsonAsync("/api/v1/requests", ReadyRequest($"Spring {topic} landing page")), HttpStatusCode.Created);
        var requestId = request.GetProperty("id").GetString();

        await JsonAsync(await marketing.PostAsync($"/api/v1/requests/{requestId}/submit", null), HttpStatusCode.OK);

        var related = await Eventually.ReturnsAsync(
            async () => await JsonAsync(await marketing.GetAsync($"/api/v1/requests/{requestId}/related-articles"), HttpStatusCode.OK),
            r => r.GetArrayLength() >= 2, "the related articles of the submitted request");
        var ids = related.EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(pitfall.GetProperty("id").GetString(), ids[0]);
        Assert.Contains(faq.GetProperty("id").GetString(), ids);
        await ProblemAsync(await marketing.GetAsync($"/api/v1/requests/{Guid.NewGuid()}/related-articles"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Glossary_AnnotatesARequestAndAnyText_WithPlainExplanations()
    {
        using var marketing = await fixture.ClientForAsync("marketing");
        var term = Unique.Word();
        var glossary = await PublishAsync(new
        {
            kind = "glossary", title = term, glossary = new { term, plainExplanation = "A lead marketing judged ready for sales.", side = "marketing", aliases = new[] { "qualified lead" } },
        });
        var request = await JsonAsync(await marketing.PostAsJsonAsync("/api/v1/requests",
            new { title = $"Route every {term} to sales", userStory = new { asA = "campaign manager", iWant = "each Qualified Lead in the CRM", soThat = "sales calls them" } }),
            HttpStatusCode.Created);

        var onRequest = await JsonAsync(await marketing.GetAsync($"/api/v1/requests/{request.GetProperty("id").GetString()}/glossary"), HttpStatusCode.OK);
        var onText = await JsonAsync(await marketing.PostAsJsonAsync($"{Kb}/glossary/annotate", new { text = $"Is a {term.ToUpperInvariant()} the same as an SQL?" }), HttpStatusCode.OK);

        var annotation = onRequest.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("articleId").GetString() == glossary.GetProperty("id").GetString());
        Assert.Equal((term, 2, "marketing"), (annotation.GetProperty("term").GetString(), annotation.GetProperty("occurrences").GetInt32(), annotation.GetProperty("side").GetString()));
        Assert.Equal([term, "Qualified Lead"], annotation.GetProperty("matches").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("A lead marketing judged ready for sales.", onText.GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("term").GetString() == term).GetProperty("plainExplanation").GetString());
    }

    [Fact]
    public async Task Question_AskedByMarketing_AnsweredAndPromotedByADeveloper()
    {
        using var marketing = await fixture.ClientForAsync("marketing");
        using var developer = await fixture.ClientForAsync("developer");
        var topic = Unique.Word();
        await PublishAsync(Procedure($"{topic} rate limit", "100 requests per 10 seconds."));

        var asked = await JsonAsync(await marketing.PostAsJsonAsync($"{Kb}/questions", new { text = $"What is the {topic} rate limit?" }), HttpStatusCode.Created);
        var id = asked.GetProperty("question").GetProperty("id").GetString();
        await ProblemAsync(await marketing.PostAsJsonAsync($"{Kb}/questions/{id}/answer", new { answer = "No idea" }), HttpStatusCode.Forbidden, "forbidden");
        var answered = await JsonAsync(await developer.PostAsJsonAsync($"{Kb}/questions/{id}/answer", new { answer = "100 per 10 s.", promoteToFaq = true }), HttpStatusCode.OK);
        var again = await developer.PostAsJsonAsync($"{Kb}/questions/{id}/answer", new { answer = "Again" });
        var answeredList = await JsonAsync(await marketing.GetAsync($"{Kb}/questions?status=answered&limit=100"), HttpStatusCode.OK);

        Assert.Equal($"{topic} rate limit", asked.GetProperty("suggestions")[0].GetProperty("title").GetString());
        Assert.Equal("answered", answered.GetProperty("status").GetString());
        var faq = await JsonAsync(await marketing.GetAsync($"{Kb}/articles/{answered.GetProperty("faqArticleId").GetString()}"), HttpStatusCode.OK);
        Assert.Equal(("faq", "100 per 10 s."), (faq.GetProperty("kind").GetString(), faq.GetProperty("body").GetString()));
        await ProblemAsync(again, HttpStatusCode.Conflict, "conflict");
        Assert.Contains(answeredList.GetProperty("items").EnumerateArray(), q => q.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task TechStack_AndList_ShowWhatWasPublished()
    {
        var component = Unique.Word();
        var article = await PublishAsync(new
        {
            kind = "techStack", title = component, ownerTeam = "web", tags = new[] { "Stack" },
            techStack = new { component, category = "cms", version = "6.4", vendor = "Automattic", owner = "Web team" },
        });

        var table = await JsonAsync(await fixture.Client().GetAsync($"{Kb}/tech-stack"), HttpStatusCode.OK);
        var listed = await JsonAsync(await fixture.Client().GetAsync($"{Kb}/articles?kind=techStack&tag=stack&ownerTeam=web&limit=100"), HttpStatusCode.OK);
        var badKind = await fixture.Client().GetAsync($"{Kb}/articles?kind=blog");

        var row = table.EnumerateArray().Single(r => r.GetProperty("component").GetString() == component);
        Assert.Equal(("cms", "6.4", false), (row.GetProperty("category").GetString(), row.GetProperty("version").GetString(), row.GetProperty("stale").GetBoolean()));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == article.GetProperty("id").GetString());
        await ProblemAsync(badKind, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryKnowledgeRoute()
    {
        var document = await JsonAsync(await fixture.Client(apiKey: null).GetAsync("/swagger/v1/swagger.json"), HttpStatusCode.OK);
        var paths = document.GetProperty("paths");

        foreach (var path in new[]
        {
            "/api/v1/kb/articles", "/api/v1/kb/articles/{id}", "/api/v1/kb/articles/{id}/revisions", "/api/v1/kb/articles/{id}/revisions/{number}",
            "/api/v1/kb/articles/{id}/diff", "/api/v1/kb/articles/{id}/review", "/api/v1/kb/stale", "/api/v1/kb/tech-stack", "/api/v1/kb/search",
            "/api/v1/kb/gaps", "/api/v1/kb/gaps/{id}/resolve", "/api/v1/kb/questions", "/api/v1/kb/questions/{id}/answer", "/api/v1/kb/glossary/annotate",
            "/api/v1/requests/{id}/related-articles", "/api/v1/requests/{id}/glossary",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        Assert.True(paths.GetProperty("/api/v1/kb/articles/{id}").GetProperty("put").GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("ArticleView", out _));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal("https://marketingdev.dev/problems/" + type, problem.GetProperty("type").GetString());
        return problem;
    }

    private static List<string> Pointers(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!).ToList();

    /// <summary>A request the readiness check has nothing to object to.</summary>
    private static object ReadyRequest(string title) => new
    {
        title,
        type = "landingPage",
        priority = "high",
        launchDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd"),
        userStory = new { asA = "campaign manager", iWant = "a spring landing page", soThat = "we capture 500 leads" },
        acceptanceCriteria = new[] { new { text = "When the form is submitted, a confirmation shows within 1 second" } },
        marketingContext = new { campaignGoal = "Spring leads", audience = "SMB", businessImpact = "Q2 pipeline", kpi = new { name = "Sign-ups", baseline = 120.0, target = 500.0, unit = "per week" } },
        designAssets = new[] { new { url = "https://figma.com/file/abc", kind = "figma", label = "Hero" } },
        trackingRequirements = new[] { new { eventName = "sign_up", trigger = "Form submitted", parameters = new[] { new { name = "method", description = "form" } } } },
        benchmarks = new[] { new { url = "https://example.com/lp", note = "Competitor" } },
    };
}
