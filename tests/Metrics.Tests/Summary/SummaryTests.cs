using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MarketingDev.TestSupport;
using GrpcMetrics = MarketingDev.Contracts.Grpc.Metrics;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Metrics.Tests.Summary;

public sealed class SummaryTests : IAsyncLifetime
{
    private readonly MetricsFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Summary_ForAPeriod_CountsOnlyWhatHappenedInIt()
    {
        await _fixture.Requests.DraftRequestAsync(new GrpcRequests.DraftRequestCommand { Content = new GrpcRequests.RequestContent { Title = "Now" } });
        await Eventually.ReturnsAsync(() => _fixture.Metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery()).ResponseAsync,
            s => s.RequestsDrafted == 1, "the draft to be counted");
        var now = DateTimeOffset.UtcNow;

        var past = await _fixture.Metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery
        {
            From = Timestamp.FromDateTimeOffset(now.AddDays(-30)),
            To = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
        });
        var recent = await _fixture.Metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery { From = Timestamp.FromDateTimeOffset(now.AddHours(-1)) });

        Assert.Equal(0, past.RequestsDrafted);
        Assert.Null(past.LastEventAt);
        Assert.Equal(1, recent.RequestsDrafted);
    }

    [Fact]
    public async Task Summary_EndBeforeStart_IsInvalidArgument()
    {
        var now = DateTimeOffset.UtcNow;

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _fixture.Metrics.GetSummaryAsync(new GrpcMetrics.GetSummaryQuery
        {
            From = Timestamp.FromDateTimeOffset(now),
            To = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
        }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
