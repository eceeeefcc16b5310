using System.Net;
using System.Text.Json.Nodes;
using MarketingDev.Gateway.Endpoints.Events;
using MarketingDev.Gateway.Webhooks;

namespace MarketingDev.Gateway.Tests.Webhooks;

/// <summary>The pure rules of delivery: how an answer is judged, the retry schedule, the SSRF rule, cursors, chat text.</summary>
public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData(200, false, AttemptOutcome.Delivered)]
    [InlineData(204, false, AttemptOutcome.Delivered)]
    [InlineData(null, false, AttemptOutcome.Retry)]
    [InlineData(500, false, AttemptOutcome.Retry)]
    [InlineData(503, false, AttemptOutcome.Retry)]
    [InlineData(429, false, AttemptOutcome.Retry)]
    [InlineData(408, false, AttemptOutcome.Retry)]
    [InlineData(400, false, AttemptOutcome.Permanent)]
    [InlineData(404, false, AttemptOutcome.Permanent)]
    [InlineData(410, false, AttemptOutcome.Permanent)]
    [InlineData(301, false, AttemptOutcome.Permanent)]
    [InlineData(null, true, AttemptOutcome.Permanent)]
    public void Judge_StatusOrError_GivesOutcome(int? status, bool refused, AttemptOutcome expected) =>
        Assert.Equal(expected, WebhookRules.Judge(status, refused));

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    // attempt, jitter, retry-after seconds (-1 none), expected delay seconds (-1 = give up)
    [InlineData(1, 1.0, -1, 5)]
    [InlineData(1, 0.0, -1, 2.5)]
    [InlineData(2, 1.0, -1, 10)]
    [InlineData(3, 1.0, -1, 20)]
    [InlineData(10, 1.0, -1, 2560)]
    [InlineData(11, 1.0, -1, 3600)]
    [InlineData(40, 1.0, -1, 3600)]
    [InlineData(40, 0.0, -1, 1800)]
    [InlineData(1, 1.0, 120, 120)]
    [InlineData(3, 1.0, 1, 20)]
    [InlineData(1, 1.0, 86400, 3600)]
    public void NextAttempt_Backoff_DoublesWithJitterAndHonoursRetryAfter(int attempt, double jitter, int retryAfter, double expectedSeconds)
    {
        var next = WebhookRules.NextAttempt(attempt, Now, Now.AddHours(24), TimeSpan.FromSeconds(5), TimeSpan.FromHours(1), jitter,
            retryAfter < 0 ? null : TimeSpan.FromSeconds(retryAfter));
        Assert.Equal(Now.AddSeconds(expectedSeconds), next);
    }

    [Fact]
    public void NextAttempt_PastRetryWindow_GivesUp() =>
        Assert.Null(WebhookRules.NextAttempt(5, Now, Now.AddSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.FromHours(1), 1.0, null));

    [Theory]
    [InlineData("example.com", "93.184.216.34", true)]
    [InlineData("example.com", "2606:2800:220:1:248:1893:25c8:1946", true)]
    [InlineData("example.com", "127.0.0.1", false)]
    [InlineData("example.com", "10.0.0.1", false)]
    [InlineData("example.com", "172.16.5.4", false)]
    [InlineData("example.com", "192.168.1.1", false)]
    [InlineData("example.com", "169.254.169.254", false)]
    [InlineData("example.com", "100.64.0.1", false)]
    [InlineData("example.com", "0.0.0.0", false)]
    [InlineData("example.com", "::1", false)]
    [InlineData("example.com", "::", false)]
    [InlineData("example.com", "fd00::1", false)]
    [InlineData("example.com", "fe80::1", false)]
    [InlineData("example.com", "::ffff:10.0.0.1", false)]
    [InlineData("example.com", "::ffff:93.184.216.34", true)]
    [InlineData("hooks.internal", "10.1.2.3", true)]
    [InlineData("example.com", "10.20.0.9", true)]
    [InlineData("example.com", "10.21.0.9", false)]
    public void MayConnect_Address_FollowsRuleAndAllowList(string host, string address, bool allowed)
    {
        var policy = new TargetPolicy(["hooks.internal", "10.20.0.0/16"]);
        Assert.Equal(allowed, policy.MayConnect(host, IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("https://example.com/hook", true)]
    [InlineData("http://example.com/hook", false)]
    [InlineData("http://hooks.internal/hook", true)]
    [InlineData("http://10.20.0.9/hook", true)]
    [InlineData("ftp://example.com/hook", false)]
    [InlineData("https://user:pw@example.com/hook", false)]
    [InlineData("/relative", false)]
    public void CheckUrl_SchemeAndForm_OnlyHttpsUnlessAllowListed(string url, bool allowed)
    {
        var policy = new TargetPolicy(["hooks.internal", "10.20.0.0/16"]);
        Assert.Equal(allowed, policy.CheckUrl(url) is null);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(123456789012L)]
    [InlineData(long.MaxValue)]
    public void FeedCursor_Encoded_DecodesToSameSequence(long sequence)
    {
        Assert.True(FeedCursor.TryDecode(FeedCursor.Encode(sequence), out var decoded));
        Assert.Equal(sequence, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("LTE")] // "-1"
    [InlineData("YWJj")] // "abc"
    public void FeedCursor_Malformed_IsRefused(string cursor) => Assert.False(FeedCursor.TryDecode(cursor, out _));

    [Theory]
    [InlineData("bugReported", """{"bugId":"b1","bugKey":"BUG-7","severity":"critical","reportedBy":"Ann","requestId":"r1","requestKey":"MD-3"}""",
        ":rotating_light: *Critical bug <https://md.example/api/v1/bugs/b1|BUG-7>* reported by Ann on request <https://md.example/api/v1/requests/r1|MD-3>")]
    [InlineData("roadblockRaised", """{"requestId":"r1","requestKey":"MD-3","requestTitle":"Banner","severity":"high","description":"API <v2> & auth","raisedBy":"Dev"}""",
        ":construction: *Roadblock (high)* on <https://md.example/api/v1/requests/r1|MD-3> Banner: API &lt;v2&gt; &amp; auth — raised by Dev")]
    [InlineData("requestStatusChanged", """{"requestId":"r1","key":"MD-3","kind":"returned","actor":"Lead","reason":"Which KPI?"}""",
        ":leftwards_arrow_with_hook: Request <https://md.example/api/v1/requests/r1|MD-3> was returned for more information by Lead: Which KPI?")]
    [InlineData("articlePublished", """{"articleId":"a1"}""", "MarketingDev event *articlePublished*")]
    public void SlackText_Event_ReadsWellWithLinkBack(string type, string payload, string expected) =>
        Assert.Equal(expected, WebhookPayloads.SlackText(type, (JsonObject)JsonNode.Parse(payload)!, "https://md.example/"));
}
