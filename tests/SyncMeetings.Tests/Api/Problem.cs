using System.Net;
using System.Text.Json;

namespace MarketingDev.SyncMeetings.Tests.Api;

/// <summary>What a client checks of an RFC 9457 answer: status, media type, stable type, and the field pointers.</summary>
internal static class Problem
{
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal("https://marketingdev.dev/problems/" + type, problem.GetProperty("type").GetString());
        return problem;
    }

    public static IReadOnlyList<string> Pointers(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!).ToList();
}
