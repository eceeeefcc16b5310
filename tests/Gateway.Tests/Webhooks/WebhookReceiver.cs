using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingDev.Gateway.Tests.Webhooks;

/// <summary>
/// What the receiver got: headers of the Standard Webhooks specification, the body, when, what it answered, and the W3C
/// traceparent header.
/// </summary>
public sealed record Received(
    string Path, string? Id, string? Timestamp, string? Signature, string Body, DateTimeOffset At, int Answered, string? TraceParent = null);

/// <summary>An answer the receiver gives: a status, optionally after a delay and with Retry-After.</summary>
public sealed record Reply(int Status, TimeSpan Delay = default, string? RetryAfter = null);

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, a random port): each test posts to its own path, scripts that path's
/// answers, and reads what arrived. Signatures are checked with <see cref="Verify"/>, an implementation of the Standard
/// Webhooks specification written here, independent of the StandardWebhooks package the Gateway signs with.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _scripts = new();
    private readonly ConcurrentDictionary<string, Reply> _defaults = new();
    private readonly ConcurrentDictionary<string, int> _holding = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Only this listener: the test folder's appsettings.json (copied from the services) declares Kestrel endpoints too.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Configure(new ConfigurationBuilder().Build(), reloadOnChange: false);
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    /// <summary>A fresh path on this receiver, so tests sharing it never see each other's deliveries.</summary>
    public string NewUrl() => $"{BaseUrl}/hooks/{Guid.NewGuid():N}";

    public void Script(string url, params Reply[] replies)
    {
        var queue = _scripts.GetOrAdd(PathOf(url), _ => new ConcurrentQueue<Reply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    /// <summary>What the path answers once its script is used up (200 unless set).</summary>
    public void Otherwise(string url, Reply reply) => _defaults[PathOf(url)] = reply;

    /// <summary>How many posts to the path are being held open right now (a delayed reply not yet given).</summary>
    public int Holding(string url) => _holding.GetValueOrDefault(PathOf(url));

    public IReadOnlyList<Received> At(string url) => _received.Where(r => r.Path == PathOf(url)).ToList();

    private static string PathOf(string url) => new Uri(url).AbsolutePath;

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value!;
        var reply = _scripts.TryGetValue(path, out var queue) && queue.TryDequeue(out var next)
            ? next
            : _defaults.GetValueOrDefault(path, new Reply(200));
        if (reply.Delay > TimeSpan.Zero)
        {
            // A slow or hung receiver: held until the delay passes or the sender gives up.
            _holding.AddOrUpdate(path, 1, (_, n) => n + 1);
            await Task.Delay(reply.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            _holding.AddOrUpdate(path, 0, (_, n) => n - 1);
            if (context.RequestAborted.IsCancellationRequested)
            {
                _received.Enqueue(Record(context, path, body, 0));
                return Results.Empty;
            }
        }

        _received.Enqueue(Record(context, path, body, reply.Status));
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        return Results.Text($"answered {reply.Status}", statusCode: reply.Status);
    }

    private static Received Record(HttpContext context, string path, string body, int status) => new(
        path, context.Request.Headers["webhook-id"], context.Request.Headers["webhook-timestamp"], context.Request.Headers["webhook-signature"],
        body, DateTimeOffset.UtcNow, status, context.Request.Headers["traceparent"]);

    /// <summary>
    /// The Standard Webhooks check, from the specification: HMAC-SHA256 keyed with the base64 after whsec_, over
    /// "{webhook-id}.{webhook-timestamp}.{body}", base64, compared in constant time with each space-separated "v1,"
    /// signature; the timestamp within 5 minutes.
    /// </summary>
    public static bool Verify(string secret, Received message)
    {
        if (message.Id is null || message.Signature is null || !long.TryParse(message.Timestamp, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300 || !secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{message.Id}.{message.Timestamp}.{message.Body}"));
        foreach (var signature in message.Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = signature.Split(',', 2);
            if (parts is ["v1", var value] && Convert.TryFromBase64String(value, new byte[32], out var written) && written == 32
                && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(value), expected))
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
