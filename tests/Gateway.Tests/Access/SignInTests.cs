using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using MarketingDev.Gateway.Auth;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.Gateway.Tests.Access;

/// <summary>People sign in with bearer tokens (here signed by the development key) beside the tools' API keys.</summary>
public sealed class SignInTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BearerToken_OfAMarketingPerson_DraftsARequest_AsTheSameKindOfActorAsAKey()
    {
        var subject = "ana-" + Guid.NewGuid().ToString("N");
        using var ana = fixture.WithToken(AccessFixture.Token("marketing", subject, "Ana Marketing"));

        var created = await ana.PostAsJsonAsync("/api/v1/requests", new { title = "Signed-in draft" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal($"jwt:{JwtSignInOptions.DevelopmentIssuer}|{subject}", request.GetProperty("requesterId").GetString());
        Assert.Equal("Ana Marketing", request.GetProperty("requester").GetString());
        // The service recognises her as the owner on her next call (same stable id from a fresh token).
        using var again = fixture.WithToken(AccessFixture.Token("marketing", subject, "Ana Marketing"));
        var edit = await again.PostAsync($"/api/v1/requests/{request.GetProperty("id").GetString()}/submit", null, Ct);
        Assert.NotEqual(HttpStatusCode.Forbidden, edit.StatusCode);
    }

    [Fact]
    public async Task BearerToken_RoleDecidesWhatIsAllowed_LikeAKeysRole()
    {
        using var developer = fixture.WithToken(AccessFixture.Token("developer", "dev-" + Guid.NewGuid().ToString("N")));
        using var admin = fixture.WithToken(AccessFixture.Token("admin", "root-" + Guid.NewGuid().ToString("N")));

        var refused = await developer.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "admin" }, Ct);
        var listed = await admin.GetAsync("/api/v1/api-keys", Ct);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task BearerToken_WithARoleThisApiDoesNotKnow_Is403Problem()
    {
        using var stranger = fixture.WithToken(AccessFixture.Token("intern", "intern-" + Guid.NewGuid().ToString("N")));

        var response = await stranger.GetAsync("/api/v1/requests", Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("no role", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "expired", AccessFixture.Token("lead", "old", now: DateTimeOffset.UtcNow.AddHours(-2), lifetime: TimeSpan.FromMinutes(5)) },
        {
            "another key",
            DevelopmentTokens.Mint(new JwtSignInOptions { DevelopmentSigningKey = "a-different-key-that-nobody-configured-here" },
                "mallory", "Mallory", "admin", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5))
        },
        {
            "another audience",
            DevelopmentTokens.Mint(new JwtSignInOptions { DevelopmentSigningKey = AccessFixture.SigningKey, Audience = "some-other-api" },
                "eve", "Eve", "admin", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5))
        },
        { "not a token", "not.a.jwt" },
        { "no subject", AccessFixture.Token("lead", "", "Nobody") },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BearerToken_NotValid_Is401Problem_WithABearerChallenge(string why, string token)
    {
        using var client = fixture.WithToken(token);

        var response = await client.GetAsync("/api/v1/requests", Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.True(challenge.StartsWith("Bearer", StringComparison.Ordinal) && challenge.Contains("invalid_token", StringComparison.Ordinal), $"{why}: {challenge}");
    }

    [Fact]
    public async Task NoCredentials_Is401_OfferingBothSchemes()
    {
        using var client = fixture.Anonymous();

        var response = await client.GetAsync("/api/v1/requests", Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        var schemes = response.Headers.WwwAuthenticate.Select(h => h.Scheme).ToList();
        Assert.Contains("ApiKey", schemes);
        Assert.Contains("Bearer", schemes);
    }

    [Fact]
    public async Task IdempotencyKey_FromASignedInPerson_ReplaysTheFirstAnswer()
    {
        using var lead = fixture.WithToken(AccessFixture.Token("lead", "lee-" + Guid.NewGuid().ToString("N")));
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> DraftAsync()
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = JsonContent.Create(new { title = "Once" }) };
            message.Headers.Add("Idempotency-Key", key);
            return await lead.SendAsync(message, Ct);
        }

        var first = await DraftAsync();
        var second = await DraftAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString(),
            (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString());
    }
}

/// <summary>The rules of sign-in that need no server.</summary>
public sealed class SignInRuleTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void DevelopmentSigningKey_IsRefusedOutsideDevelopment(bool isDevelopment, bool refused)
    {
        var options = new JwtSignInOptions { DevelopmentSigningKey = AccessFixture.SigningKey };

        Assert.Equal(refused, options.Problem(isDevelopment) is not null);
    }

    [Fact]
    public void NoDevelopmentKey_RunsEverywhere() => Assert.Null(new JwtSignInOptions { Authority = "https://login.example.com" }.Problem(false));

    [Theory]
    [InlineData(new[] { "lead" }, "lead")]
    [InlineData(new[] { "Admin" }, "admin")]
    [InlineData(new[] { "md-leads" }, "lead")]
    [InlineData(new[] { "developer", "md-admins" }, "admin")]
    [InlineData(new[] { "intern" }, null)]
    [InlineData(new string[0], null)]
    public void RoleOf_MapsTheIdentityProvidersValues_ToTheHighestKnownRole(string[] values, string? expected)
    {
        var options = new JwtSignInOptions
        {
            RoleMap = new(StringComparer.OrdinalIgnoreCase) { ["md-leads"] = "lead", ["md-admins"] = "admin" },
        };

        var role = JwtSignIn.RoleOf(values, options);

        Assert.Equal(expected, role is null ? null : Roles.Of(role.Value));
    }

    [Fact]
    public void SignedInPerson_BecomesTheSameActorShape_AsAnApiKey()
    {
        var token = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("iss", "https://login.example.com"), new Claim("sub", "42"), new Claim("name", "Ana"), new Claim("role", "lead")], "test"));

        var actor = ActorTokens.ActorOf(JwtSignIn.ToActorPrincipal(token, new JwtSignInOptions()));

        Assert.Equal(new Actor("jwt:https://login.example.com|42", "Ana", Role.Lead), actor);
    }

    [Fact]
    public void ActorId_OfAVeryLongSubject_StaysWithinWhatServicesStore()
    {
        var id = JwtSignIn.ActorId("https://login.example.com", new string('s', 500));

        Assert.True(id.Length <= 200);
        Assert.StartsWith("jwt:sha256:", id, StringComparison.Ordinal);
        Assert.Equal(id, JwtSignIn.ActorId("https://login.example.com", new string('s', 500)));
    }
}
