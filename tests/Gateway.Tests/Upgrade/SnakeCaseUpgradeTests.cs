using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.Contracts;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Data;
using MarketingDev.TestSupport;
using Npgsql;

namespace MarketingDev.Gateway.Tests.Upgrade;

/// <summary>
/// The Gateway database predates the snake case naming convention: a database the release before it migrated (history
/// columns "MigrationId"/"ProductVersion", keys named PK_…/IX_…) must start with today's Gateway, which renames the keys
/// in place, and keep its API keys and its event feed.
/// </summary>
public sealed class SnakeCaseUpgradeTests
{
    private const string OldAdminKey = "mdk_an-admin-key-from-the-release-before-snake-case";

    [Fact]
    public async Task Start_OnADatabaseOfTheReleaseBeforeSnakeCase_KeepsItsKeysAndEventsAndTakesNewWrites()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb);
        var connectionString = resources.ConnectionString(ServiceNames.GatewayDb);
        await PreviousRelease.MigrateUpToAsync<GatewayDbContext>(connectionString, "SnakeCaseNames", options => new(options));
        var eventId = Guid.CreateVersion7();
        await WriteAsThePreviousReleaseAsync(connectionString, eventId, ct);

        await using var gateway = new ServiceHost<GatewayOptions>(resources.Settings());
        using var oldAdmin = gateway.CreateClient();
        oldAdmin.DefaultRequestHeaders.Add("X-Api-Key", OldAdminKey);

        var keys = await oldAdmin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys", ct);
        Assert.Equal(["Ops from before"], keys.EnumerateArray().Select(k => k.GetProperty("name").GetString()));
        var feed = await oldAdmin.GetFromJsonAsync<JsonElement>("/api/v1/events", ct);
        var stored = Assert.Single(feed.GetProperty("items").EnumerateArray());
        Assert.Equal(eventId, stored.GetProperty("id").GetGuid());
        Assert.Equal("MKT-7", stored.GetProperty("data").GetProperty("key").GetString());

        var created = await oldAdmin.PostAsJsonAsync("/api/v1/api-keys", new { name = "After the upgrade", role = "lead" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var newLead = gateway.CreateClient();
        newLead.DefaultRequestHeaders.Add("X-Api-Key", (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await newLead.GetAsync("/api/v1/events", ct)).StatusCode);
        keys = await oldAdmin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys", ct);
        Assert.Equal(["Ops from before", "After the upgrade"], keys.EnumerateArray().Select(k => k.GetProperty("name").GetString()));
    }

    /// <summary>Rows as the earlier release stored them, written with its SQL names.</summary>
    private static async Task WriteAsThePreviousReleaseAsync(string connectionString, Guid eventId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO api_keys (id, name, role, prefix, hash, created_at, created_by, revoked_at)
            VALUES (@key_id, 'Ops from before', 'Admin', 'mdk_an-a', @hash, now() - interval '1 day', 'bootstrap', NULL);
            INSERT INTO integration_events (event_id, type, occurred_at, recorded_at, payload)
            VALUES (@event_id, 'request.drafted', now() - interval '1 hour', now() - interval '1 hour', '{"key":"MKT-7","title":"Spring landing page"}'::jsonb);
            """,
            connection);
        insert.Parameters.AddWithValue("key_id", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("hash", ApiKey.HashOf(OldAdminKey));
        insert.Parameters.AddWithValue("event_id", eventId);
        await insert.ExecuteNonQueryAsync(ct);
    }
}
