using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Gateway.Tests.Idempotency;

public sealed class IdempotencyTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static HttpRequestMessage Draft(string key, string json) => new(HttpMethod.Post, "/api/v1/requests")
    {
        Headers = { { "Idempotency-Key", key } },
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    private async Task<int> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/requests?limit=100")).GetProperty("items").GetArrayLength();

    [Fact]
    public async Task SameKeyAndBody_ReplaysTheFirstResponse_AndCreatesOneRequest()
    {
        using var client = _fixture.Client();
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(Draft(key, """{"title":"Once","priority":"high"}"""));
        // Same content, other formatting and field order: the canonical fingerprint matches.
        var retry = await client.SendAsync(Draft(key, """{ "priority": "high",  "title": "Once" }"""));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal("true", retry.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Single());
        Assert.Equal(1, await CountAsync(client));
    }

    [Fact]
    public async Task SameKey_OtherBody_Is422Problem_AndCreatesNothingMore()
    {
        using var client = _fixture.Client();
        var key = Guid.NewGuid().ToString();
        (await client.SendAsync(Draft(key, """{"title":"First"}"""))).EnsureSuccessStatusCode();

        var reused = await client.SendAsync(Draft(key, """{"title":"Second"}"""));

        await ProblemAssert.IsProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(1, await CountAsync(client));
    }

    [Fact]
    public async Task SameKey_WhileTheFirstIsStillRunning_Is409Problem()
    {
        using var client = _fixture.Client();
        var key = Guid.NewGuid().ToString();
        var admin = await _fixture.WithGatewayDbAsync(db => db.ApiKeys.SingleAsync(k => k.Name == BootstrapAdminKey.KeyName));
        var fingerprint = await FingerprintOfAsync("""{"title":"Slow"}""");
        // The first attempt has claimed the key and not answered yet (it is in flight on another Gateway replica).
        await _fixture.WithGatewayDbAsync(async db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                ClientId = admin.Id, Key = key, Fingerprint = fingerprint, CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(24),
            });
            return await db.SaveChangesAsync();
        });

        var concurrent = await client.SendAsync(Draft(key, """{"title":"Slow"}"""));

        await ProblemAssert.IsProblemAsync(concurrent, HttpStatusCode.Conflict, "idempotency-key-in-use");
        Assert.NotNull(concurrent.Headers.RetryAfter);
        Assert.Equal(0, await CountAsync(client));
    }

    [Fact]
    public async Task SameKey_FromAnotherApiKey_IsIndependent()
    {
        using var first = _fixture.Client();
        using var second = _fixture.Client(await _fixture.KeyForAsync("marketing"));
        var key = Guid.NewGuid().ToString();

        var a = await first.SendAsync(Draft(key, """{"title":"Mine"}"""));
        var b = await second.SendAsync(Draft(key, """{"title":"Yours"}"""));

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.Equal(2, await CountAsync(first));
    }

    [Fact]
    public async Task KeyLongerThan255_Is400Problem()
    {
        using var client = _fixture.Client();

        var response = await client.SendAsync(Draft(new string('k', 256), """{"title":"x"}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "idempotency-key-invalid");
        Assert.Equal(0, await CountAsync(client));
    }

    [Fact]
    public async Task RejectedFirstAttempt_IsReplayedToo()
    {
        using var client = _fixture.Client();
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(Draft(key, """{"title":""}"""));
        var retry = await client.SendAsync(Draft(key, """{"title":""}"""));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Single());
    }

    private static async Task<string> FingerprintOfAsync(string json)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/v1/requests";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await IdempotencyMiddleware.FingerprintAsync(context.Request, CancellationToken.None);
    }
}
