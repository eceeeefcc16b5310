using System.Net;
using System.Text.RegularExpressions;

namespace MarketingDev.Gateway.Tests.Access;

/// <summary>A Gateway whose developers get a bucket of five calls that refills slowly.</summary>
public sealed class RateLimitFixture : AccessFixture
{
    public const int DeveloperBurst = 5;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        base.Settings().Concat(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Developer:TokenLimit"] = DeveloperBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RateLimits:Developer:TokensPerPeriod"] = "1",
            ["Gateway:RateLimits:Developer:ReplenishmentPeriod"] = "00:01:00",
            ["Gateway:RateLimits:Anonymous:TokenLimit"] = "2",
            ["Gateway:RateLimits:Anonymous:TokensPerPeriod"] = "1",
            ["Gateway:RateLimits:Anonymous:ReplenishmentPeriod"] = "00:01:00",
        });
}

public sealed partial class RateLimitTests(RateLimitFixture fixture) : IClassFixture<RateLimitFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Burst_BeyondTheBucket_Is429Problem_WithRetryAfterAndRateLimitHeaders_OtherPrincipalsUnaffected()
    {
        using var burster = fixture.WithToken(AccessFixture.Token("developer", "burst-" + Guid.NewGuid().ToString("N")));
        using var colleague = fixture.WithToken(AccessFixture.Token("developer", "calm-" + Guid.NewGuid().ToString("N")));

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < RateLimitFixture.DeveloperBurst + 2; i++)
        {
            answers.Add(await burster.GetAsync("/api/v1/problems", Ct));
        }

        var colleagues = await colleague.GetAsync("/api/v1/problems", Ct);

        Assert.All(answers.Take(RateLimitFixture.DeveloperBurst), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var first = answers[0];
        Assert.Equal("\"developer\";q=5;w=300", Header(first, "RateLimit-Policy"));
        Assert.Equal("\"developer\";r=4;t=60", Header(first, "RateLimit"));
        var refused = answers[RateLimitFixture.DeveloperBurst];
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = int.Parse(Header(refused, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("\"developer\";q=5;w=300", Header(refused, "RateLimit-Policy"));
        Assert.Matches(RemainingNone(), Header(refused, "RateLimit"));
        Assert.Equal(HttpStatusCode.OK, colleagues.StatusCode);
        Assert.Equal("\"developer\";r=4;t=60", Header(colleagues, "RateLimit"));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/metrics")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task ProbesMetricsAndApiDocument_AreNeverLimited(string path)
    {
        using var client = fixture.Anonymous();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync(path, Ct);
            statuses.Add(response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit"), path + " announced a limit");
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : $"(no {name})";

    [GeneratedRegex("^\"developer\";r=0;t=\\d+$")]
    private static partial Regex RemainingNone();
}
