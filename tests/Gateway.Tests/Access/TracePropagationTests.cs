using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MarketingDev.ServiceDefaults.Messaging;
using MarketingDev.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace MarketingDev.Gateway.Tests.Access;

/// <summary>The system with spans recorded into memory (the Gateway's tracer provider listens to every host in this process).</summary>
public sealed class TracingFixture : AccessFixture
{
    public SpanCollection Spans { get; } = new();

    protected override void ConfigureGateway(IServiceCollection services) =>
        services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddAspNetCoreInstrumentation()
            .AddSource(MessageTracing.SourceName)
            .AddInMemoryExporter(Spans));
}

/// <summary>The exporter's collection, safe to read while spans of other calls are still being exported.</summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public int Count { get { lock (_spans) { return _spans.Count; } } }
    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_spans)
        {
            _spans.Add(item);
        }
    }

    public List<Activity> Snapshot()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item) => Snapshot().Contains(item);
    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);
    public bool Remove(Activity item)
    {
        lock (_spans)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TracePropagationTests(TracingFixture fixture) : IClassFixture<TracingFixture>
{
    [Fact]
    public async Task RestCall_ItsTraceId_ReachesTheGrpcServiceAndTheEventConsumers()
    {
        var userAgent = "trace-test/" + Guid.NewGuid().ToString("N");
        using var client = fixture.WithKey(AccessFixture.AdminKey);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);

        var created = await client.PostAsJsonAsync("/api/v1/requests", new { title = "Traced draft" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var gateway = await Eventually.ReturnsAsync(
            () => Task.FromResult(fixture.Spans.Snapshot().FirstOrDefault(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("user_agent.original"), userAgent))),
            s => s is not null, "the Gateway's server span");
        var traceId = gateway!.TraceId;
        var grpc = await Eventually.ReturnsAsync(
            () => Task.FromResult(fixture.Spans.Snapshot().FirstOrDefault(s => s.TraceId == traceId && s.Kind == ActivityKind.Server
                && (s.GetTagItem("url.path") as string)?.StartsWith("/marketingdev.requests.v1.Requests/", StringComparison.Ordinal) == true)),
            s => s is not null, "the Requests service's gRPC server span in the Gateway's trace");
        var consumer = await Eventually.ReturnsAsync(
            () => Task.FromResult(fixture.Spans.Snapshot().FirstOrDefault(s => s.TraceId == traceId && s.Kind == ActivityKind.Consumer
                && s.DisplayName == "RequestDrafted consume" && (s.GetTagItem("messaging.consumer") as string)?.StartsWith("metrics", StringComparison.Ordinal) == true)),
            s => s is not null, "the Metrics consumer's span in the Gateway's trace");

        Assert.Equal(default, gateway.ParentSpanId);
        Assert.Equal(traceId, grpc!.TraceId);
        Assert.Equal(traceId, consumer!.TraceId);
    }
}
