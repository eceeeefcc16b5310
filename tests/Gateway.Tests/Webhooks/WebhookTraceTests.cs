using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingDev.Gateway.Tests.Access;
using MarketingDev.ServiceDefaults.Messaging;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace MarketingDev.Gateway.Tests.Webhooks;

/// <summary>The webhook system with spans recorded into memory (the Gateway's tracer provider listens to every host in this process).</summary>
public sealed class WebhookTracingFixture : WebhooksFixture
{
    public SpanCollection Spans { get; } = new();

    protected override void ConfigureGateway(IServiceCollection services) =>
        services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddAspNetCoreInstrumentation()
            .AddSource(MessageTracing.SourceName)
            .AddInMemoryExporter(Spans));
}

public sealed class WebhookTraceTests(WebhookTracingFixture fixture) : IClassFixture<WebhookTracingFixture>
{
    [Fact]
    public async Task RestCall_ItsTraceId_ReachesTheWebhookSendSpanAndTheReceiversTraceparent()
    {
        var ct = TestContext.Current.CancellationToken;
        var url = fixture.Receiver.NewUrl();
        var (webhookId, _) = await fixture.CreateWebhookAsync(url, ["requestDrafted"]);
        var userAgent = "webhook-trace-test/" + Guid.NewGuid().ToString("N");
        using var client = fixture.Client();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);

        var created = await client.PostAsJsonAsync("/api/v1/requests", new { title = "Traced webhook" }, ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var requestId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
        var gateway = await Eventually.ReturnsAsync(
            () => Task.FromResult(fixture.Spans.Snapshot().FirstOrDefault(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("user_agent.original"), userAgent))),
            s => s is not null, "the Gateway's server span of the REST call");
        var received = await Eventually.ReturnsAsync(
            () => Task.FromResult(fixture.Receiver.At(url).Where(r => r.Body.Contains(requestId, StringComparison.Ordinal)).ToList()),
            r => r.Count > 0, "the delivery of the request's RequestDrafted");
        var traceParent = received[0].TraceParent;
        Assert.True(ActivityContext.TryParse(traceParent, null, out var sent), $"a W3C traceparent header, got '{traceParent}'");
        var send = await Eventually.ReturnsAsync(
            () => Task.FromResult(fixture.Spans.Snapshot().FirstOrDefault(s => s.DisplayName == "webhook send" && s.SpanId == sent.SpanId)),
            s => s is not null, "the Gateway's webhook send span");
        var stored = await fixture.WithGatewayDbAsync(db =>
            db.WebhookDeliveries.Where(d => d.WebhookId == webhookId).Select(d => d.TraceParent).SingleAsync(ct));

        Assert.Equal(gateway!.TraceId, sent.TraceId);
        Assert.Equal(gateway.TraceId, send!.TraceId);
        Assert.Equal(ActivityKind.Client, send.Kind);
        Assert.Equal(webhookId.ToString(), send.GetTagItem("webhook.id"));
        // The send span is a child of the consumer span that recorded the delivery, whose traceparent the row keeps.
        Assert.True(ActivityContext.TryParse(stored, null, out var consumer));
        Assert.Equal(gateway.TraceId, consumer.TraceId);
        Assert.Equal(consumer.SpanId, send.ParentSpanId);
    }
}
