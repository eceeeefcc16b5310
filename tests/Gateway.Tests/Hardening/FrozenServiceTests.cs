using System.Diagnostics;
using System.Net;
using MarketingDev.Contracts;
using MarketingDev.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.Gateway.Tests.Hardening;

/// <summary>
/// A service that accepts the connection and never answers (as under kill -STOP) costs a caller the configured deadline
/// and a 503 with Retry-After, not a request held open for minutes.
/// </summary>
public sealed class FrozenServiceTests : IAsyncLifetime
{
    private IsolatedResources? _resources;
    private ServiceHost<GatewayOptions>? _gateway;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb);
        var settings = _resources.Settings();
        settings["Gateway:BootstrapAdminKey"] = GatewayFixture.AdminKey;
        settings["Gateway:ServiceCallTimeout"] = "00:00:01";
        settings[$"services:{ServiceNames.Requests}:grpc:0"] = HostRouter.AddressOf(ServiceNames.Requests);
        var router = new HostRouter(new Dictionary<string, HttpMessageHandler> { [ServiceNames.Requests] = new FrozenService() });
        _gateway = new ServiceHost<GatewayOptions>(settings, services =>
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => router)));
    }

    [Fact]
    public async Task Call_ToAFrozenService_Is503WithRetryAfter_WithinTheDeadline()
    {
        using var client = _gateway!.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", GatewayFixture.AdminKey);
        var clock = Stopwatch.StartNew();

        var response = await client.GetAsync($"/api/v1/requests/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.True(response.Headers.RetryAfter is not null, "503 must say when to retry");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"The call took {clock.Elapsed}; the deadline is 1 s.");
    }

    public async ValueTask DisposeAsync()
    {
        await (_gateway?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_resources?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    /// <summary>Takes the request and never answers, until the caller gives up.</summary>
    private sealed class FrozenService : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new UnreachableException();
        }
    }
}
