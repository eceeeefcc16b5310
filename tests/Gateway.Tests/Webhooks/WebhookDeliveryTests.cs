using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.Gateway.Webhooks;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Gateway.Tests.Webhooks;

/// <summary>
/// Webhooks through the real Gateway: events from the real Requests service over RabbitMQ, delivered to a real HTTP
/// receiver on 127.0.0.1 that checks every signature with its own implementation of the specification.
/// </summary>
public sealed class WebhookDeliveryTests(WebhooksFixture fixture) : IClassFixture<WebhooksFixture>
{
    private WebhookReceiver Receiver => fixture.Receiver;

    private static JsonElement[] Deliveries(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private async Task<JsonElement> DeliveryAsync(Guid webhookId, Func<JsonElement, bool> done, string what) =>
        await Eventually.ReturnsAsync(async () => Deliveries(await fixture.DeliveriesAsync(webhookId)).FirstOrDefault(),
            d => d.ValueKind == JsonValueKind.Object && done(d), what);

    [Fact]
    public async Task Create_Webhook_ShowsSecretOnceAndStoresItEncrypted()
    {
        var (id, secret) = await fixture.CreateWebhookAsync(Receiver.NewUrl(), ["requestDrafted"]);
        using var admin = fixture.Client();

        var one = await admin.GetStringAsync($"/api/v1/webhooks/{id}");
        var all = await admin.GetStringAsync("/api/v1/webhooks");
        var stored = await fixture.WithGatewayDbAsync(db => db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == id));

        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.DoesNotContain(secret["whsec_".Length..], one);
        Assert.DoesNotContain("secret\"", one);
        Assert.DoesNotContain(secret["whsec_".Length..], all);
        Assert.DoesNotContain(secret["whsec_".Length..], stored.ProtectedSecret);
        Assert.False(fixture.Gateway.Logs.Contains(secret["whsec_".Length..]));
    }

    [Fact]
    public async Task DraftedRequest_IsDeliveredSigned_AndMatchesTheFeed()
    {
        var url = Receiver.NewUrl();
        var (_, secret) = await fixture.CreateWebhookAsync(url, ["requestDrafted"]);

        var requestId = await fixture.DraftRequestAsync("Webhook tracer");
        var received = await Eventually.ReturnsAsync(() => Task.FromResult(Receiver.At(url)),
            r => r.Any(m => m.Body.Contains(requestId.ToString(), StringComparison.Ordinal)), "the RequestDrafted delivery");

        var message = received.Single(m => m.Body.Contains(requestId.ToString(), StringComparison.Ordinal));
        Assert.True(WebhookReceiver.Verify(secret, message), $"signature {message.Signature} over {message.Body}");
        Assert.False(WebhookReceiver.Verify("whsec_" + Convert.ToBase64String(new byte[32]), message));
        var body = JsonDocument.Parse(message.Body).RootElement;
        Assert.Equal("requestDrafted", body.GetProperty("type").GetString());
        Assert.Equal(requestId, body.GetProperty("data").GetProperty("requestId").GetGuid());
        using var admin = fixture.Client();
        var feed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/events?types=requestDrafted&limit=1000");
        var fromFeed = feed.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("data").GetProperty("requestId").GetGuid() == requestId);
        Assert.Equal(message.Id, fromFeed.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Receiver503Then200_IsRetried_WithTheSameId()
    {
        var url = Receiver.NewUrl();
        var (id, secret) = await fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        Receiver.Script(url, new Reply(503), new Reply(503));

        await fixture.DraftRequestAsync();
        var delivery = await DeliveryAsync(id, d => d.GetProperty("status").GetString() == "succeeded", "the delivery after two 503s");

        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([503, 503, 200], attempts.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal("answered 503", attempts[0].GetProperty("responseSnippet").GetString());
        var received = Receiver.At(url);
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.Equal(delivery.GetProperty("eventId").GetGuid().ToString(), received[0].Id);
        Assert.All(received, r => Assert.True(WebhookReceiver.Verify(secret, r)));
        // The first retry waits at least half the first delay (200 ms with jitter), the second at least half of 400 ms.
        Assert.True(received[1].At - received[0].At >= TimeSpan.FromMilliseconds(90), $"{received[1].At - received[0].At}");
        Assert.True(received[2].At - received[1].At >= TimeSpan.FromMilliseconds(190), $"{received[2].At - received[1].At}");
    }

    [Fact]
    public async Task Receiver429_RetryAfterIsHonoured()
    {
        var url = Receiver.NewUrl();
        var (id, _) = await fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        Receiver.Script(url, new Reply(429, RetryAfter: "1"));

        await fixture.DraftRequestAsync();
        await DeliveryAsync(id, d => d.GetProperty("status").GetString() == "succeeded", "the delivery after a 429");

        var received = Receiver.At(url);
        Assert.Equal([429, 200], received.Select(r => r.Answered));
        Assert.True(received[1].At - received[0].At >= TimeSpan.FromSeconds(0.95), $"{received[1].At - received[0].At}");
    }

    [Fact]
    public async Task Receiver400_IsPermanent_NotRetried()
    {
        var url = Receiver.NewUrl();
        var (id, _) = await fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        Receiver.Otherwise(url, new Reply(400));

        await fixture.DraftRequestAsync();
        var delivery = await DeliveryAsync(id, d => d.GetProperty("status").GetString() == "failed", "the failed delivery");

        Assert.Equal(1, delivery.GetProperty("attemptCount").GetInt32());
        Assert.Equal("HTTP 400", delivery.GetProperty("lastError").GetString());
        Assert.Single(Receiver.At(url));
    }

    [Fact]
    public async Task SlowReceiver_IsCutOffAtTheAttemptTimeout()
    {
        var url = Receiver.NewUrl();
        var (id, _) = await fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        Receiver.Script(url, new Reply(200, Delay: TimeSpan.FromMinutes(5)));

        await fixture.DraftRequestAsync();
        var delivery = await DeliveryAsync(id, d => d.GetProperty("status").GetString() == "succeeded", "the delivery after a timeout");

        var first = delivery.GetProperty("attempts")[0];
        Assert.Equal(JsonValueKind.Null, first.GetProperty("statusCode").ValueKind);
        Assert.StartsWith("No answer within 2 s", first.GetProperty("error").GetString());
        Assert.InRange(first.GetProperty("latencyMs").GetInt32(), 1900, 3500);
    }

    [Fact]
    public async Task Replay_SendsTheEventAgain_WithTheSameId()
    {
        var url = Receiver.NewUrl();
        var (id, secret) = await fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        await fixture.DraftRequestAsync();
        var original = await DeliveryAsync(id, d => d.GetProperty("status").GetString() == "succeeded", "the first delivery");
        using var admin = fixture.Client();

        var replay = await admin.PostAsync($"/api/v1/webhooks/deliveries/{original.GetProperty("id").GetGuid()}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var received = await Eventually.ReturnsAsync(() => Task.FromResult(Receiver.At(url)), r => r.Count == 2, "the replayed delivery");
        Assert.Equal(received[0].Id, received[1].Id);
        Assert.True(WebhookReceiver.Verify(secret, received[1]));
        var page = Deliveries(await fixture.DeliveriesAsync(id));
        Assert.Equal(original.GetProperty("id").GetGuid(), page[0].GetProperty("replayOf").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/webhooks/deliveries/{Guid.NewGuid()}/replay", null)).StatusCode);
    }

    [Fact]
    public async Task RotateSecret_SignsWithBoth_DuringTheGracePeriod()
    {
        var url = Receiver.NewUrl();
        var (id, oldSecret) = await fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        using var admin = fixture.Client();

        var rotated = await admin.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var ping = await admin.PostAsync($"/api/v1/webhooks/{id}/test", null);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        Assert.NotEqual(oldSecret, newSecret);
        var message = (await Eventually.ReturnsAsync(() => Task.FromResult(Receiver.At(url)), r => r.Count == 1, "the ping")).Single();
        var signatures = message.Signature!.Split(' ');
        Assert.Equal(2, signatures.Length);
        Assert.All(signatures, s => Assert.StartsWith("v1,", s));
        Assert.True(WebhookReceiver.Verify(newSecret, message with { Signature = signatures[0] }));
        Assert.True(WebhookReceiver.Verify(oldSecret, message with { Signature = signatures[1] }));
        Assert.Equal("webhook.ping", JsonDocument.Parse(message.Body).RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://127.0.0.2/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("http://example.com/hook")]
    [InlineData("not a url")]
    public async Task Create_UnsafeTarget_IsRefusedAndNothingStored(string url)
    {
        using var admin = fixture.Client();
        var before = await fixture.WithGatewayDbAsync(db => db.Webhooks.CountAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "requestDrafted" } });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("#/url", ProblemAssert.Pointers(problem));
        Assert.Equal(before, await fixture.WithGatewayDbAsync(db => db.Webhooks.CountAsync()));
        // Nothing left the machine: every address the sender ever dialled in this fixture is loopback.
        Assert.All(fixture.Dialled, address => Assert.True(IPAddress.IsLoopback(address), $"{address} was dialled"));
    }

    [Fact]
    public async Task NameRebindingToPrivateAddress_IsRefusedAtConnect_AndNothingIsDialled()
    {
        // Public-looking at registration (the loopback the tests allow), a private address at delivery time.
        var host = $"rebind-{Guid.NewGuid():N}.test";
        fixture.Names[host] = new([IPAddress.Loopback, IPAddress.Parse("10.0.0.1")]);
        var (id, _) = await fixture.CreateWebhookAsync($"https://{host}/hook", ["requestDrafted"]);
        using var admin = fixture.Client();

        await admin.PostAsync($"/api/v1/webhooks/{id}/test", null);
        var delivery = await DeliveryAsync(id, d => d.GetProperty("status").GetString() == "failed", "the refused delivery");

        Assert.Equal(1, delivery.GetProperty("attemptCount").GetInt32());
        Assert.Contains("10.0.0.1", delivery.GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("attempts")[0].GetProperty("statusCode").ValueKind);
        Assert.DoesNotContain(IPAddress.Parse("10.0.0.1"), fixture.Dialled);
    }

    [Fact]
    public async Task Feed_HoldsExactlyTheEventsDelivered_WithTheSameIds()
    {
        var url = Receiver.NewUrl();
        await fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        using var admin = fixture.Client();
        var start = await admin.GetFromJsonAsync<JsonElement>("/api/v1/events?types=requestDrafted&limit=1000");
        var after = start.GetProperty("nextCursor").GetString();

        var requests = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            requests.Add(await fixture.DraftRequestAsync($"Feed {i}"));
        }

        var received = await Eventually.ReturnsAsync(() => Task.FromResult(Receiver.At(url)),
            r => requests.All(id => r.Any(m => m.Body.Contains(id.ToString(), StringComparison.Ordinal))), "five deliveries");
        // Read the feed two at a time, following Link, from where it stood before the requests.
        var fromFeed = new List<string>();
        var next = $"/api/v1/events?types=requestDrafted&limit=2" + (after is null ? "" : $"&after={after}");
        while (next is not null)
        {
            var response = await admin.GetAsync(next);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            fromFeed.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }

        Assert.Equal(received.Select(r => r.Id!).Order(), fromFeed.Order());
        Assert.Equal(5, fromFeed.Count);
    }

    [Fact]
    public async Task ReceiverDownThenBack_GetsEveryEvent_WithTheOriginalIds()
    {
        var url = Receiver.NewUrl();
        var (id, _) = await fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        Receiver.Otherwise(url, new Reply(503));
        var requests = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            requests.Add(await fixture.DraftRequestAsync($"Outage {i}"));
        }

        var whileDown = await Eventually.ReturnsAsync(() => Task.FromResult(Receiver.At(url)),
            r => r.Select(m => m.Id).Distinct().Count() == 3, "three refused events");
        Receiver.Otherwise(url, new Reply(200));

        var delivered = await Eventually.ReturnsAsync(() => Task.FromResult(Receiver.At(url).Where(r => r.Answered == 200).ToList()),
            r => r.Count == 3, "the three events once the receiver is back");
        Assert.Equal(whileDown.Select(r => r.Id).Distinct().Order(), delivered.Select(r => r.Id).Order());
        Assert.All(requests, rid => Assert.Contains(delivered, r => r.Body.Contains(rid.ToString(), StringComparison.Ordinal)));
        // Attempts are recorded after the receiver has answered (in batches): wait for the record.
        await Eventually.ReturnsAsync(async () => Deliveries(await fixture.DeliveriesAsync(id)),
            d => d.Length == 3 && d.All(x => x.GetProperty("status").GetString() == "succeeded"), "the three deliveries recorded as succeeded");
    }

    [Fact]
    public async Task RepeatedFailures_DisableTheWebhook_AndPublishWebhookDisabled()
    {
        var url = Receiver.NewUrl();
        var (id, _) = await fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        Receiver.Otherwise(url, new Reply(410));
        using var admin = fixture.Client();

        for (var i = 0; i < WebhooksFixture.DisableAfterFailures; i++)
        {
            await admin.PostAsync($"/api/v1/webhooks/{id}/test", null);
        }

        var webhook = await Eventually.ReturnsAsync(() => admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}"),
            w => !w.GetProperty("enabled").GetBoolean(), "the webhook disabled");
        Assert.Equal(WebhooksFixture.DisableAfterFailures, webhook.GetProperty("consecutiveFailures").GetInt32());
        Assert.NotNull(webhook.GetProperty("disabledReason").GetString());
        await Eventually.ReturnsAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/v1/events?types=webhookDisabled&limit=1000"),
            f => f.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("data").GetProperty("webhookId").GetGuid() == id),
            "WebhookDisabled in the feed");

        // While disabled nothing is sent; enabling it again sends what is pending.
        Receiver.Otherwise(url, new Reply(200));
        var before = Deliveries(await fixture.DeliveriesAsync(id)).Length;
        await fixture.DraftRequestAsync("While disabled");
        // The event must have reached the Gateway while the webhook is still disabled: it is owed a delivery.
        await Eventually.ReturnsAsync(async () => Deliveries(await fixture.DeliveriesAsync(id)),
            d => d.Length > before && d.Any(x => x.GetProperty("status").GetString() == "pending"), "a delivery owed while disabled");
        Assert.DoesNotContain(Receiver.At(url), m => m.Answered == 200);
        var enabled = await admin.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { enabled = true });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        await Eventually.ReturnsAsync(() => Task.FromResult(Receiver.At(url)), r => r.Any(m => m.Answered == 200), "the delivery after enabling");
    }

    [Theory]
    [InlineData("marketing")]
    [InlineData("developer")]
    [InlineData("lead")]
    public async Task NonAdmin_ManagesNoWebhooks_ButReadsTheFeed(string role)
    {
        using var admin = fixture.Client();
        var key = (await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = $"{role}-{Guid.NewGuid():N}", role }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        using var client = fixture.Client(key);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PostAsJsonAsync("/api/v1/webhooks", new { url = Receiver.NewUrl(), events = new[] { "*" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/events")).StatusCode);
        using var anonymous = fixture.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/events")).StatusCode);
    }

    [Fact]
    public async Task Register_InvalidFields_Is400WithAPointerPerField_AndStoresNothing()
    {
        using var admin = fixture.Client();
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).GetArrayLength();

        var problem = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/webhooks", new
        {
            url = "ftp://127.0.0.1/hook",
            events = new[] { "requestDrafted", "noSuchEvent" },
            format = "xml",
            description = new string('d', WebhookRules.MaxDescriptionLength + 1),
        }), HttpStatusCode.BadRequest, "validation");

        Assert.Equal(["#/url", "#/events/1", "#/format", "#/description"], ProblemAssert.Pointers(problem));
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/events?after=garbage!", "#/after")]
    [InlineData("/api/v1/events?limit=0", "#/limit")]
    [InlineData("/api/v1/events?types=noSuchEvent", "#/types")]
    public async Task Feed_BadQuery_Is400WithPointer(string path, string pointer)
    {
        using var admin = fixture.Client();
        var problem = await ProblemAssert.IsProblemAsync(await admin.GetAsync(path), HttpStatusCode.BadRequest, "validation");
        Assert.Equal([pointer], ProblemAssert.Pointers(problem));
    }
}
