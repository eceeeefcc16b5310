using MarketingDev.Contracts.Events.Requests;
using MarketingDev.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using GrpcKnowledge = MarketingDev.Contracts.Grpc.Knowledge;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Metrics.Tests.Consumers;

/// <summary>Events from the real producers, over the real broker, into the real consumers. Each test has its own fixture.</summary>
public sealed class EventConsumptionTests : IAsyncLifetime
{
    private readonly MetricsFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private Task<GrpcMetrics.Summary> SummaryAsync() => _fixture.Metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery()).ResponseAsync;

    [Fact]
    public async Task RequestDrafted_FromTheRequestsService_IsCountedOnce()
    {
        var drafted = await _fixture.Requests.DraftRequestAsync(new GrpcRequests.DraftRequestCommand
        {
            Content = new GrpcRequests.RequestContent { Title = "Counted", Type = "experiment", Priority = "urgent", LaunchDate = "2027-01-15" },
        });

        var summary = await Eventually.ReturnsAsync(SummaryAsync, s => s.RequestsDrafted >= 1, "the drafted request to be counted");

        Assert.Equal(1, summary.RequestsDrafted);
        var record = await _fixture.WithMetricsDbAsync(db => db.Requests.AsNoTracking().SingleAsync());
        Assert.Equal(Guid.Parse(drafted.Request.Id), record.RequestId);
        Assert.Equal(("experiment", "urgent", new DateOnly(2027, 1, 15)), (record.Type, record.Priority, record.LaunchDate));
    }

    [Fact]
    public async Task ArticlePublished_FromTheKnowledgeBase_IsCounted()
    {
        await _fixture.Knowledge.PublishArticleAsync(new GrpcKnowledge.PublishArticleCommand
        {
            Title = "GA4 naming rules",
            Category = "sop",
            BodyMarkdown = "Event names start with a letter.",
            Author = "dev",
        });

        var summary = await Eventually.ReturnsAsync(SummaryAsync, s => s.ArticlesPublished >= 1, "the article to be counted");

        Assert.Equal((0, 1), (summary.RequestsDrafted, summary.ArticlesPublished));
    }

    [Fact]
    public async Task SameEvent_DeliveredTwice_HasOneEffect()
    {
        var bus = _fixture.RequestsHost.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;
        var evt = new RequestDrafted(Guid.NewGuid(), now, Guid.NewGuid(), "MKT-900", "Twice", "feature", "low", null, "maria");

        await bus.Publish(evt, ctx => ctx.MessageId = evt.EventId, TestContext.Current.CancellationToken);
        await bus.Publish(evt, ctx => ctx.MessageId = evt.EventId, TestContext.Current.CancellationToken);

        // Both deliveries reached the consumer's queue and left it (the broker's statistics lag by a few seconds).
        await Eventually.ReturnsAsync(() => RabbitQueues.GetAsync(_fixture.VirtualHost, "metrics-request-drafted"),
            q => q.Delivered >= 2 && q.Messages == 0, "both deliveries to be taken from the queue");
        Assert.Equal(1, (await SummaryAsync()).RequestsDrafted);
        // The duplicate was consumed, not moved to a _skipped queue that nothing reads.
        Assert.Equal(0, await RabbitQueues.CountNowAsync(_fixture.VirtualHost, "metrics-request-drafted_skipped"));
        Assert.Equal(1, await _fixture.WithMetricsDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == evt.EventId)));
    }
}
