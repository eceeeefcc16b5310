using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using MarketingDev.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>The result of one HTTP attempt.</summary>
public sealed record AttemptResult(int? StatusCode, int LatencyMs, string? Snippet, string? Error, bool Refused, TimeSpan? RetryAfter);

/// <summary>
/// Posts signed bodies by the Standard Webhooks specification. Its own HttpClient: no redirects, no proxy, no cookies,
/// no resilience handler (retries are the delivery schedule's), a deadline per attempt, and a connect step that dials
/// only addresses the SSRF rule allows. Connections are pooled per target (host and port) and recycled every few minutes
/// so a changed DNS answer is picked up.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly WebhookOptions _options;

    public WebhookSender(TargetPolicy policy, TargetResolver resolver, TimeProvider clock, IOptions<WebhookOptions> options)
    {
        _clock = clock;
        _options = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = _options.AttemptTimeout,
            MaxConnectionsPerServer = 64,
            ConnectCallback = (context, ct) => ConnectAsync(policy, resolver, context, ct),
            // The delivery's own traceparent goes out explicitly (see SendAsync); the handler adds none of its own.
            ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("MarketingDev-Webhooks/1.0");
    }

    /// <summary>Raised before every dial the rule allowed (tests use it to show a refused target was never dialled).</summary>
    public event Action<string, System.Net.IPAddress>? Dialling;

    public static string Sign(byte[] key, string id, DateTimeOffset timestamp, string body) =>
        new StandardWebhook(key).Sign(id, timestamp, body);

    /// <summary>
    /// One POST. <paramref name="traceParent"/> (the W3C id of the sending span) goes out as the traceparent header, so
    /// a receiver that traces joins the trace of the call that caused the event.
    /// </summary>
    public async Task<AttemptResult> SendAsync(
        string url, string id, string body, IReadOnlyList<byte[]> keys, string? traceParent, CancellationToken ct)
    {
        var timestamp = _clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", string.Join(' ', keys.Select(k => Sign(k, id, timestamp, body))));
        if (traceParent is not null)
        {
            request.Headers.TryAddWithoutValidation(MessageTracing.TraceParentHeader, traceParent);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();
        int Elapsed() => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var snippet = await ReadSnippetAsync(response, deadline.Token);
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - _clock.GetUtcNow(),
                _ => (TimeSpan?)null,
            };
            return new AttemptResult((int)response.StatusCode, Elapsed(), snippet, null, false, retryAfter);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(null, Elapsed(), null, $"No answer within {_options.AttemptTimeout.TotalSeconds:0.###} s.", false, null);
        }
        catch (HttpRequestException ex) when (ex.InnerException is TargetRefusedException refused)
        {
            return new AttemptResult(null, Elapsed(), null, refused.Message, true, null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // HttpRequestException, and also what a receiver that drops the connection mid-body throws (HttpIOException,
            // an IOException): an attempt that failed, to be retried, never an exception that aborts the whole batch.
            return new AttemptResult(null, Elapsed(), null, Truncate(ex.Message, 1000), false, null);
        }
    }

    private static async Task<string?> ReadSnippetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[DeliveryAttempt.MaxSnippetChars];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        if (read == 0)
        {
            return null;
        }

        // PostgreSQL text cannot hold NUL; a cut multi-byte character decodes as U+FFFD.
        var text = Encoding.UTF8.GetString(buffer, 0, read).Replace("\0", "", StringComparison.Ordinal);
        return Truncate(text, DeliveryAttempt.MaxSnippetChars);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private async ValueTask<Stream> ConnectAsync(TargetPolicy policy, TargetResolver resolver, SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await resolver.ResolveAsync(host, ct);
        var refused = addresses.Where(a => !policy.MayConnect(host, a)).ToList();
        if (refused.Count > 0 || addresses.Length == 0)
        {
            throw new TargetRefusedException(addresses.Length == 0
                ? $"'{host}' does not resolve."
                : $"'{host}' resolves to {refused[0]}, an address webhooks may not reach (loopback, private, link-local or reserved).");
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                Dialling?.Invoke(host, address);
                await socket.ConnectAsync(address, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                // Cancelled by the attempt's deadline (a target that never answers): close the socket now, not at GC.
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    public void Dispose() => _http.Dispose();
}
