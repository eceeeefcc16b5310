namespace MarketingDev.TestSupport;

/// <summary>
/// The primary HTTP handler for a service that calls others in process: a request for http://{name}.test goes to that
/// service's TestServer, so service discovery, gRPC clients and their pipelines run exactly as deployed.
/// </summary>
public sealed class HostRouter(IReadOnlyDictionary<string, HttpMessageHandler> servers) : HttpMessageHandler
{
    private readonly Dictionary<string, HttpMessageInvoker> _invokers =
        servers.ToDictionary(s => $"{s.Key}.test", s => new HttpMessageInvoker(s.Value, disposeHandler: false));

    public static string AddressOf(string service) => $"http://{service}.test";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invokers.TryGetValue(request.RequestUri!.Host, out var invoker)
            ? invoker.SendAsync(request, cancellationToken)
            : throw new HttpRequestException($"No in-process service answers for {request.RequestUri.Host}.");
}
