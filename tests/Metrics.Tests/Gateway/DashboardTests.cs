using System.Net;
using MarketingDev.Contracts.Events;
using MarketingDev.Metrics.Features.Demo;
using MarketingDev.Metrics.Tests.Scenario;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace MarketingDev.Metrics.Tests.Gateway;

/// <summary>
/// GET /dashboard in headless Chromium (the Debian package, driven by Playwright): every chart must draw a line from the
/// public API's data. The browser's requests to the Gateway are answered by the in-process Gateway.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Origin = "http://gateway.test";
    private readonly MetricsGatewayFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Dashboard_WithFourWeeksOfData_DrawsEveryChart()
    {
        // Arrange: in each of the last four weeks, one request returned, clarified, delivered, reopened, with a bug; a
        // question and a search count; a baseline before them.
        var monday = Script.MondayOf(DateTimeOffset.UtcNow);
        var events = new List<IIntegrationEvent>();
        for (var week = 1; week <= 4; week++)
        {
            var start = monday.AddDays(-7 * week);
            var request = new RequestScript($"MKT-{week}", "growth", "landingPage", DateOnly.FromDateTime(start.AddDays(6).UtcDateTime))
                .Drafted(start.AddHours(8)).Submitted(start.AddHours(9), 0).Returned(start.AddHours(10)).Submitted(start.AddHours(11), 0)
                .Reviewed(start.AddHours(12), start.AddHours(13)).Started(start.AddHours(14)).Clarification(start.AddHours(15))
                .Delivered(start.AddDays(2).AddHours(week), 2, 2).Reopened(start.AddDays(3));
            events.AddRange(request.Events);
            events.Add(EventScript.Bug(request.Id, start.AddDays(4)));
            events.Add(EventScript.Question(start.AddDays(1)));
            events.Add(EventScript.Searches(start.AddDays(1), 10 * week, 5 * week));
        }

        foreach (var e in events)
        {
            await _fixture.PublishAsync(e);
        }

        await Eventually.ReturnsAsync(() => _fixture.WithMetricsDbAsync(db => db.StoredEvents.CountAsync()), n => n == events.Count, "the events to be stored", TimeSpan.FromSeconds(60));
        using (var admin = _fixture.Client())
        {
            var baseline = await admin.PutAsync("/api/v1/metrics/baseline", JsonContent(new { from = monday.AddDays(-70), to = monday.AddDays(-28) }));
            Assert.Equal(HttpStatusCode.OK, baseline.StatusCode);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        using var gateway = _fixture.Client(null);
        await page.RouteAsync(Origin + "/**", route => ForwardAsync(route, gateway));

        // Act
        await page.GotoAsync($"{Origin}/dashboard?weeks=4&to={Uri.EscapeDataString(monday.ToString("O"))}");
        await page.FillAsync("#key", MetricsGatewayFixture.AdminKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#status[data-state=done], #status[data-state=error]");

        // Assert
        Assert.Equal("done", await page.GetAttributeAsync("#status", "data-state"));
        var charts = await page.EvalOnSelectorAllAsync<string[][]>("svg.chart", "charts => charts.map(c => [c.dataset.metric, c.dataset.points])");
        Assert.Equal(9, charts.Length);
        Assert.All(charts, c => Assert.True(int.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture) == 4, $"the chart of {c[0]} has {c[1]} points"));
        Assert.Equal(9, await page.Locator("svg.chart polyline").CountAsync());
        Assert.Equal(9, await page.Locator("#compare tbody tr").CountAsync());
    }

    private static async Task ForwardAsync(IRoute route, HttpClient gateway)
    {
        var request = route.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Url).PathAndQuery);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await gateway.SendAsync(message);
        await route.FulfillAsync(new RouteFulfillOptions
        {
            Status = (int)response.StatusCode,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            BodyBytes = await response.Content.ReadAsByteArrayAsync(),
        });
    }

    private static System.Net.Http.Json.JsonContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);
}
