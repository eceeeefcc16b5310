using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.TestSupport;

namespace MarketingDev.Gateway.Tests.Auth;

public sealed class AuthenticationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("mdk_not-a-key-anyone-was-given")]
    public async Task ApiRoute_WithoutAValidKey_Is401Problem(string? key)
    {
        using var client = fixture.Client(key);

        var response = await client.GetAsync("/api/v1/requests");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/swagger/index.html")]
    public async Task ProbesAndApiDocument_NeedNoKey(string path)
    {
        using var client = fixture.Client(null);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ApiDocument_DeclaresTheApiKeyScheme_AndTheProtocolHeaders()
    {
        using var client = fixture.Client(null);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var draft = document.RootElement.GetProperty("paths").GetProperty("/api/v1/requests").GetProperty("post");
        Assert.Contains(draft.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
    }

    [Fact]
    public async Task Admin_CreatesAKey_ShownOnce_ThatAuthenticatesWithItsRole()
    {
        using var admin = fixture.Client();

        var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "campaign-tool", role = "marketing" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("key").GetString()!;
        var listed = await admin.GetStringAsync("/api/v1/api-keys");

        Assert.StartsWith("mdk_", secret, StringComparison.Ordinal);
        Assert.Equal("marketing", body.GetProperty("role").GetString());
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.Contains("campaign-tool", listed, StringComparison.Ordinal);
        var storedHashes = await fixture.WithGatewayDbAsync(db => Task.FromResult(db.ApiKeys.Select(k => k.Hash).ToList()));
        Assert.DoesNotContain(secret, storedHashes);
        using var tool = fixture.Client(secret);
        Assert.Equal(HttpStatusCode.OK, (await tool.GetAsync("/api/v1/requests")).StatusCode);
    }

    [Theory]
    [InlineData("marketing")]
    [InlineData("developer")]
    [InlineData("lead")]
    public async Task NonAdmin_CreatingAKey_Is403Problem(string role)
    {
        using var client = fixture.Client(await fixture.KeyForAsync(role));

        var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "escalation", role = "admin" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task CreateKey_WithUnknownRoleAndNoName_Is400NamingBothFields()
    {
        using var admin = fixture.Client();

        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "", role = "owner" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["#/name", "#/role"], ProblemAssert.Pointers(problem));
    }

    [Fact]
    public async Task RevokedAdminKey_IsRefusedAtOnce_AndMintsNothing()
    {
        using var admin = fixture.Client();
        var created = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "to-revoke", role = "admin" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var client = fixture.Client(created.GetProperty("key").GetString());
        // Used once, so its lookup is cached.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);

        var revoked = await admin.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/requests")).StatusCode);
        var minted = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "minted-after-revocation", role = "admin" });
        Assert.Equal(HttpStatusCode.Unauthorized, minted.StatusCode);
        Assert.Equal(0, await fixture.WithGatewayDbAsync(db => Task.FromResult(db.ApiKeys.Count(k => k.Name == "minted-after-revocation"))));
    }

    [Theory]
    [InlineData(" {0}")]
    [InlineData("{0} ")]
    [InlineData("\t{0}")]
    public async Task KeyPaddedWithWhitespace_Is401(string padding)
    {
        var key = await fixture.KeyForAsync("developer");
        using var client = fixture.Gateway.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", string.Format(System.Globalization.CultureInfo.InvariantCulture, padding.Replace("\\t", "\t", StringComparison.Ordinal), key));

        var response = await client.GetAsync("/api/v1/requests");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Developer_DraftingARequest_Is403Problem()
    {
        using var developer = fixture.Client(await fixture.KeyForAsync("developer"));

        var response = await developer.PostAsJsonAsync("/api/v1/requests", new { title = "Not mine to ask" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }
}
