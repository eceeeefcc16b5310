using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.TestSupport;

namespace MarketingDev.Gateway.Tests.Metrics;

/// <summary>REST → gRPC → row and event in one transaction → RabbitMQ → Metrics consumer → REST summary.</summary>
public sealed class TracerBulletTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task DraftedRequest_IsCountedInTheMetricsSummary()
    {
        using var client = _fixture.Client();

        var created = await client.PostAsJsonAsync("/api/v1/requests", new { title = "Tracer", userStory = new { asA = "marketer", iWant = "x", soThat = "y" } });
        created.EnsureSuccessStatusCode();

        var summary = await Eventually.ReturnsAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/v1/metrics/summary"),
            s => s.GetProperty("requestsDrafted").GetInt64() >= 1,
            "the metrics summary to count the drafted request");
        Assert.Equal(1, summary.GetProperty("requestsDrafted").GetInt64());
    }

    [Fact]
    public async Task Summary_WithPeriodEndingBeforeItStarts_Is400Problem()
    {
        using var client = _fixture.Client();

        var response = await client.GetAsync("/api/v1/metrics/summary?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/to"], ProblemAssert.Pointers(problem));
    }

    [Fact]
    public async Task Summary_WithoutKey_Is401()
    {
        using var client = _fixture.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/metrics/summary")).StatusCode);
    }
}
