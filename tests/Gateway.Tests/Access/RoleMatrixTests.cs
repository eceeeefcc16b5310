using System.Net;
using System.Text;
using System.Text.Json;
using MarketingDev.Gateway.Errors;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.Gateway.Tests.Access;

/// <summary>
/// Every route of the Gateway (as its endpoint data source lists them) × no credentials and each role, against the real
/// services: 401 (U), 403 (F) or allowed (A: authorisation passed, whatever the route then answers, never a 5xx), the
/// same for a role's API key and a bearer token of that role. A new
/// route without a row fails here, naming itself. Every problem answer met on the way must be in the problem catalogue.
/// </summary>
public sealed class RoleMatrixTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Expected per route: none, marketing, developer, lead, admin (docs/guide/access.md has the same table).</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["DELETE /api/v1/api-keys/{id:guid}"] = "U F F F A",
        ["DELETE /api/v1/kb/articles/{id:guid}"] = "U F F F A",
        ["DELETE /api/v1/webhooks/{id:guid}"] = "U F F F A",
        ["GET /alive"] = "A A A A A",
        ["GET /api/v1/action-items/"] = "U A A A A",
        ["GET /api/v1/api-keys/"] = "U F F F A",
        ["GET /api/v1/bugs/"] = "U A A A A",
        ["GET /api/v1/bugs/{id:guid}"] = "U A A A A",
        ["GET /api/v1/events"] = "U A A A A",
        ["GET /api/v1/kb/articles"] = "U A A A A",
        ["GET /api/v1/kb/articles/{id:guid}"] = "U A A A A",
        ["GET /api/v1/kb/articles/{id:guid}/diff"] = "U A A A A",
        ["GET /api/v1/kb/articles/{id:guid}/revisions"] = "U A A A A",
        ["GET /api/v1/kb/articles/{id:guid}/revisions/{number:int}"] = "U A A A A",
        ["GET /api/v1/kb/gaps"] = "U A A A A",
        ["GET /api/v1/kb/questions"] = "U A A A A",
        ["GET /api/v1/kb/search"] = "U A A A A",
        ["GET /api/v1/kb/stale"] = "U A A A A",
        ["GET /api/v1/kb/tech-stack"] = "U A A A A",
        ["GET /api/v1/meetings/{mid:guid}"] = "U A A A A",
        ["GET /api/v1/meetings/{mid:guid}/agenda.md"] = "U A A A A",
        ["GET /api/v1/metrics/scorecard"] = "U A A A A",
        ["GET /api/v1/metrics/summary"] = "U A A A A",
        ["GET /api/v1/metrics/timeseries"] = "U A A A A",
        ["GET /api/v1/problems"] = "U A A A A",
        ["GET /api/v1/requests/"] = "U A A A A",
        ["GET /api/v1/requests/{id:guid}"] = "U A A A A",
        ["GET /api/v1/requests/{id:guid}/clarifications/"] = "U A A A A",
        ["GET /api/v1/requests/{id:guid}/glossary"] = "U A A A A",
        ["GET /api/v1/requests/{id:guid}/history"] = "U A A A A",
        ["GET /api/v1/requests/{id:guid}/readiness"] = "U A A A A",
        ["GET /api/v1/requests/{id:guid}/related-articles"] = "U A A A A",
        ["GET /api/v1/requests/{id:guid}/tracking-plan"] = "U A A A A",
        ["GET /api/v1/roadblocks/"] = "U A A A A",
        ["GET /api/v1/sessions/"] = "U A A A A",
        ["GET /api/v1/sync-series/"] = "U A A A A",
        ["GET /api/v1/sync-series/{id:guid}"] = "U A A A A",
        ["GET /api/v1/sync-series/{id:guid}/agenda.md"] = "U A A A A",
        ["GET /api/v1/sync-series/{id:guid}/calendar.ics"] = "U A A A A",
        ["GET /api/v1/sync-series/{id:guid}/ideas"] = "U A A A A",
        ["GET /api/v1/webhooks/"] = "U F F F A",
        ["GET /api/v1/webhooks/{id:guid}"] = "U F F F A",
        ["GET /api/v1/webhooks/{id:guid}/deliveries"] = "U F F F A",
        ["GET /dashboard"] = "A A A A A",
        ["GET /health"] = "A A A A A",
        ["GET /metrics"] = "A A A A A",
        ["PATCH /api/v1/webhooks/{id:guid}"] = "U F F F A",
        ["POST /api/v1/action-items/{aid:guid}/complete"] = "U A A A A",
        ["POST /api/v1/api-keys/"] = "U F F F A",
        ["POST /api/v1/bugs/"] = "U A A A A",
        ["POST /api/v1/bugs/{id:guid}/transitions"] = "U A A A A",
        ["POST /api/v1/ideas/{id:guid}/discuss"] = "U F F A A",
        ["POST /api/v1/ideas/{id:guid}/drop"] = "U F F A A",
        ["POST /api/v1/ideas/{id:guid}/promote"] = "U F F A A",
        ["POST /api/v1/kb/articles"] = "U F A A A",
        ["POST /api/v1/kb/articles/{id:guid}/review"] = "U F A A A",
        ["POST /api/v1/kb/gaps/{id:guid}/resolve"] = "U F A A A",
        ["POST /api/v1/kb/glossary/annotate"] = "U A A A A",
        ["POST /api/v1/kb/questions"] = "U A A A A",
        ["POST /api/v1/kb/questions/{id:guid}/answer"] = "U F A A A",
        ["POST /api/v1/meetings/{mid:guid}/action-items"] = "U F F A A",
        ["POST /api/v1/meetings/{mid:guid}/complete"] = "U F F A A",
        ["POST /api/v1/meetings/{mid:guid}/items/{itemId:guid}/notes"] = "U A A A A",
        ["POST /api/v1/meetings/{mid:guid}/refresh"] = "U F F A A",
        ["POST /api/v1/metrics/rebuild"] = "U F F F A",
        ["POST /api/v1/outcomes"] = "U A F A A",
        ["POST /api/v1/readiness"] = "U A A A A",
        ["POST /api/v1/requests/"] = "U A F A A",
        ["POST /api/v1/requests/{id:guid}/clarifications/"] = "U A A A A",
        ["POST /api/v1/requests/{id:guid}/clarifications/{cid:guid}/answer"] = "U A A A A",
        ["POST /api/v1/requests/{id:guid}/roadblocks"] = "U A A A A",
        ["POST /api/v1/requests/{id:guid}/submit"] = "U A A A A",
        ["POST /api/v1/requests/{id:guid}/transitions"] = "U A A A A",
        ["POST /api/v1/roadblocks/{rid:guid}/resolve"] = "U A A A A",
        ["POST /api/v1/sessions/"] = "U A A A A",
        ["POST /api/v1/surveys/responses"] = "U A A A A",
        ["POST /api/v1/sync-series/"] = "U F F A A",
        ["POST /api/v1/sync-series/{id:guid}/cancellations"] = "U F F A A",
        ["POST /api/v1/sync-series/{id:guid}/ideas"] = "U A A A A",
        ["POST /api/v1/sync-series/{id:guid}/meetings"] = "U F F A A",
        ["POST /api/v1/webhooks/"] = "U F F F A",
        ["POST /api/v1/webhooks/deliveries/{id:guid}/replay"] = "U F F F A",
        ["POST /api/v1/webhooks/{id:guid}/rotate-secret"] = "U F F F A",
        ["POST /api/v1/webhooks/{id:guid}/test"] = "U F F F A",
        ["PUT /api/v1/kb/articles/{id:guid}"] = "U F A A A",
        ["PUT /api/v1/metrics/baseline"] = "U F F F A",
        ["PUT /api/v1/requests/{id:guid}"] = "U A A A A",
        ["PUT /api/v1/requests/{id:guid}/estimate"] = "U A A A A",
        ["PUT /api/v1/sync-series/{id:guid}"] = "U F F A A",
    };

    [Fact]
    public async Task EveryRoute_ForEveryRoleAndNone_AnswersTheExpectedStatus()
    {
        var routes = Routes();
        var keys = new Dictionary<string, string?> { ["none"] = null };
        foreach (var role in AccessFixture.RoleNames)
        {
            keys[role] = await fixture.KeyForAsync(role);
        }

        var missing = routes.Where(r => !Expected.ContainsKey(r)).ToList();
        var observed = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var problemTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var cells = new List<string>();
            foreach (var (who, key) in keys)
            {
                using var client = key is null ? fixture.Anonymous() : fixture.WithKey(key);
                var (cell, status, type) = await CallAsync(client, route);
                cells.Add(cell);
                if (type is not null)
                {
                    problemTypes.Add(type);
                }

                if (status >= 500)
                {
                    failures.Add($"{route} as {who}: {status}");
                }

                if (key is not null)
                {
                    // A signed-in person of the same role is allowed and refused exactly where the key is.
                    using var person = fixture.WithToken(AccessFixture.Token(who, $"matrix-{who}"));
                    var (personCell, personStatus, _) = await CallAsync(person, route);
                    if (personCell != cell || personStatus >= 500)
                    {
                        failures.Add($"{route} as {who} by bearer token: {personCell} ({personStatus}), by API key: {cell} ({status})");
                    }
                }
            }

            observed[route] = string.Join(" ", cells);
            if (Expected.TryGetValue(route, out var expected) && expected != observed[route])
            {
                failures.Add($"{route}: expected [{expected}] (none marketing developer lead admin), got [{observed[route]}]");
            }
        }

        var table = string.Join("\n", observed.Select(o => $"        [\"{o.Key}\"] = \"{o.Value}\","));
        Assert.True(missing.Count == 0,
            "These routes have no row in RoleMatrixTests.Expected (add one, and to docs/guide/access.md):\n" + string.Join("\n", missing) +
            "\n\nObserved table:\n" + table);
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\nObserved table:\n" + table);
        var unknown = problemTypes.Except(ProblemCatalogue.All.Select(p => p.Type)).ToList();
        Assert.True(unknown.Count == 0, "Problem types answered but not in the catalogue: " + string.Join(", ", unknown));
    }

    [Fact]
    public void EveryRowOfTheTable_IsARouteThatExists()
    {
        var stale = Expected.Keys.Except(Routes()).ToList();

        Assert.True(stale.Count == 0, "Rows for routes that no longer exist: " + string.Join(", ", stale));
    }

    /// <summary>"GET /api/v1/requests/{id:guid}" for every method of every route endpoint.</summary>
    private List<string> Routes() => fixture.Gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static async Task<(string Cell, int Status, string? ProblemType)> CallAsync(HttpClient client, string route)
    {
        var (method, pattern) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var path = RoutePatternFactory.Parse(pattern).Parameters.Aggregate(pattern, (p, parameter) => p.Replace(
            pattern[pattern.IndexOf("{" + parameter.Name, StringComparison.Ordinal)..(pattern.IndexOf('}', pattern.IndexOf("{" + parameter.Name, StringComparison.Ordinal)) + 1)],
            parameter.ParameterPolicies.Any(x => x.Content == "int") ? "1" : Guid.NewGuid().ToString(), StringComparison.Ordinal));
        using var message = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            message.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(message, Ct);
        var status = (int)response.StatusCode;
        string? type = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            type = problem.RootElement.GetProperty("type").GetString();
        }

        return (status switch { 401 => "U", 403 => "F", _ => "A" }, status, type);
    }
}
