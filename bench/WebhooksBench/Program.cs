using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.Contracts;
using MarketingDev.Gateway;
using MarketingDev.Requests.Grpc;
using MarketingDev.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

// Event → receipt latency of webhooks: RATE requests drafted per second for SECONDS, each RequestDrafted fanned out to
// WEBHOOKS webhooks on a local receiver. Latency = receipt time - the event's OccurredAt (stamped by the Requests
// service when it stores the request), so it covers outbox, RabbitMQ, the Gateway's consumer, the delivery worker
// and HTTP. Everything runs on this machine; the receiver only listens on 127.0.0.1.
var rate = Setting("RATE", 50);
var seconds = Setting("SECONDS", 20);
var webhookCount = Setting("WEBHOOKS", 20);
const double TargetP95Ms = 1000;

var receipts = new ConcurrentBag<double>();
var receiver = await StartReceiverAsync(receipts);
var receiverUrl = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

var resources = await IsolatedResources.CreateAsync(ServiceNames.GatewayDb, ServiceNames.RequestsDb);
var settings = resources.Settings();
settings["Logging:LogLevel:Default"] = "Warning";
await using var requests = new ServiceHost<RequestsGrpcService>(settings);
var router = new HostRouter(new Dictionary<string, HttpMessageHandler> { [ServiceNames.Requests] = requests.Server.CreateHandler() });
const string adminKey = "mdk_bench-bootstrap-admin-key-0123456789abcdef";
settings["Gateway:BootstrapAdminKey"] = adminKey;
settings[$"services:{ServiceNames.Requests}:grpc:0"] = HostRouter.AddressOf(ServiceNames.Requests);
settings["Webhooks:AllowedTargets:0"] = "127.0.0.1";
settings["Webhooks:PollInterval"] = "00:00:00.100";
await using var gateway = new ServiceHost<GatewayOptions>(settings, services =>
    services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => router)));
using var api = gateway.CreateClient();
api.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
while ((await api.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
{
    await Task.Delay(200);
}

string[] subscribed = ["requestDrafted"];
for (var i = 0; i < webhookCount; i++)
{
    var created = await api.PostAsJsonAsync("/api/v1/webhooks", new { url = $"{receiverUrl}/hook/{i}", events = subscribed });
    created.EnsureSuccessStatusCode();
}

// Warm-up: one event end to end before measuring (JIT, connection pools).
await api.PostAsJsonAsync("/api/v1/requests", new { title = "warm-up" });
var warm = Stopwatch.StartNew();
while (receipts.Count < webhookCount && warm.Elapsed < TimeSpan.FromSeconds(30))
{
    await Task.Delay(50);
}

receipts.Clear();
Console.WriteLine($"Drafting {rate} requests/s for {seconds} s, each event to {webhookCount} webhooks ({rate * webhookCount} deliveries/s)...");
var total = rate * seconds;
var failures = 0;
var cpuBefore = MachineCpu();
var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
var posts = new List<Task>();
for (var i = 0; i < total; i++)
{
    var due = TimeSpan.FromSeconds((double)i / rate);
    if (due > clock.Elapsed)
    {
        await Task.Delay(due - clock.Elapsed);
    }

    posts.Add(Task.Run(async () =>
    {
        var response = await api.PostAsJsonAsync("/api/v1/requests", new { title = "Benchmark request" });
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref failures);
        }
    }));
}

await Task.WhenAll(posts);
var sent = clock.Elapsed;
var expected = (total - failures) * webhookCount;
while (receipts.Count < expected && clock.Elapsed < sent + TimeSpan.FromSeconds(60))
{
    await Task.Delay(100);
}

var cpuAfter = MachineCpu();
var ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore;
var latencies = receipts.Order().ToArray();
double P(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    requests drafted       {total - failures} in {sent.TotalSeconds:0.0} s ({(total - failures) / sent.TotalSeconds:0.0}/s), {failures} failed
    deliveries received    {latencies.Length} of {expected}
    event -> receipt (ms)  p50 {P(0.50):0}  p95 {P(0.95):0}  p99 {P(0.99):0}  max {(latencies.Length == 0 ? double.NaN : latencies[^1]):0}
    cpu (whole machine)    {Environment.ProcessorCount} cores {100.0 * (cpuAfter.Busy - cpuBefore.Busy) / Math.Max(1, cpuAfter.Total - cpuBefore.Total):0}% busy; this process (Gateway, Requests, driver, receiver) {ownCpu.TotalSeconds / clock.Elapsed.TotalSeconds:0.00} cores
    target                 p95 <= {TargetP95Ms:0} ms: {(P(0.95) <= TargetP95Ms && latencies.Length == expected ? "MET" : "MISSED")}
    """));
await PrintBreakdownAsync(resources.ConnectionString(ServiceNames.GatewayDb));
await receiver.DisposeAsync();
await gateway.DisposeAsync();
await requests.DisposeAsync();
await resources.DisposeAsync();
await TestServers.ReleaseAsync();
return P(0.95) <= TargetP95Ms && latencies.Length == expected ? 0 : 1;

// Where the time goes, from the Gateway's own rows: event → recorded (outbox relay, RabbitMQ, the consumer), recorded →
// first attempt started (the worker's claim), and the attempt's HTTP latency as the sender measured it.
static async Task PrintBreakdownAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("""
        WITH phases AS (
            SELECT 'event -> recorded' AS phase, extract(epoch FROM e.recorded_at - e.occurred_at) * 1000 AS ms
            FROM integration_events e WHERE e.type = 'requestDrafted'
            UNION ALL
            SELECT 'recorded -> attempt', extract(epoch FROM a.attempted_at - d.created_at) * 1000
            FROM webhook_delivery_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE a.number = 1
            UNION ALL
            SELECT 'attempt http', a.latency_ms FROM webhook_delivery_attempts a WHERE a.number = 1)
        SELECT phase, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms),
               max(ms)
        FROM phases GROUP BY phase ORDER BY phase
        """, connection);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {reader.GetString(0),-22} n {reader.GetInt64(1),6}  p50 {reader.GetDouble(2),6:0}  p95 {reader.GetDouble(3),6:0}  max {Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture),6:0}"));
    }
}

// Jiffies busy and in total over all cores since boot (Linux /proc/stat), to tell a saturated machine from a slow path.
static (long Busy, long Total) MachineCpu()
{
    if (!File.Exists("/proc/stat"))
    {
        return (0, 0);
    }

    var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
    var idle = fields[3] + fields[4];
    return (fields.Sum() - idle, fields.Sum());
}

static int Setting(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

static async Task<WebApplication> StartReceiverAsync(ConcurrentBag<double> receipts)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.ConfigureKestrel(kestrel =>
    {
        kestrel.Configure(new ConfigurationBuilder().Build(), reloadOnChange: false);
        kestrel.Listen(IPAddress.Loopback, 0);
    });
    var app = builder.Build();
    app.MapPost("/hook/{n}", async (HttpContext context) =>
    {
        var now = DateTimeOffset.UtcNow;
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var occurredAt = body.RootElement.GetProperty("data").GetProperty("occurredAt").GetDateTimeOffset();
        receipts.Add((now - occurredAt).TotalMilliseconds);
        return Results.NoContent();
    });
    await app.StartAsync();
    return app;
}
