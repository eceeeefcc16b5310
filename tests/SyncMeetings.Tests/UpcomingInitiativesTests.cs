using Grpc.Core;
using MarketingDev.Contracts;
using MarketingDev.Requests.Grpc;
using MarketingDev.SyncMeetings.Grpc;
using MarketingDev.TestSupport;
using GrpcMeetings = MarketingDev.Contracts.Grpc.Meetings;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.SyncMeetings.Tests;

/// <summary>Requests drafted in the Requests service reach the agenda's initiatives through RabbitMQ.</summary>
public sealed class UpcomingInitiativesTests : IAsyncLifetime
{
    private IsolatedResources? _resources;
    private ServiceHost<SyncMeetingsGrpcService>? _meetings;
    private ServiceHost<RequestsGrpcService>? _requests;
    private GrpcMeetings.SyncMeetings.SyncMeetingsClient _agenda = null!;
    private GrpcRequests.Requests.RequestsClient _drafts = null!;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.MeetingsDb, ServiceNames.RequestsDb);
        _meetings = new ServiceHost<SyncMeetingsGrpcService>(_resources.Settings());
        _requests = new ServiceHost<RequestsGrpcService>(_resources.Settings());
        _agenda = new GrpcMeetings.SyncMeetings.SyncMeetingsClient(_meetings.CreateGrpcChannel());
        _drafts = new GrpcRequests.Requests.RequestsClient(_requests.CreateGrpcChannel());
        using var health = _meetings.CreateClient();
        await Eventually.ReturnsAsync(async () => (int)(await health.GetAsync("/health")).StatusCode, s => s == 200, "SyncMeetings /health");
    }

    public async ValueTask DisposeAsync()
    {
        await (_meetings?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_requests?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_resources?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    private Task<GrpcRequests.RequestReply> Draft(string title, int launchInDays) => _drafts.DraftRequestAsync(new GrpcRequests.DraftRequestCommand
    {
        Content = new GrpcRequests.RequestContent
        {
            Title = title,
            LaunchDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(launchInDays).ToString("yyyy-MM-dd"),
        },
    }).ResponseAsync;

    [Fact]
    public async Task DraftsLaunchingWithinSixWeeks_AreUpcoming_SoonestFirst()
    {
        await Draft("In five weeks", 35);
        await Draft("Next week", 7);
        await Draft("In three months", 90);
        await Draft("Last month", -30);

        var upcoming = await Eventually.ReturnsAsync(
            () => _agenda.ListUpcomingInitiativesAsync(new GrpcMeetings.ListUpcomingInitiativesQuery()).ResponseAsync,
            list => list.Items.Count >= 2, "the drafted requests to become initiatives");

        Assert.Equal(["Next week", "In five weeks"], upcoming.Items.Select(i => i.Title));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public async Task Horizon_OutOfRange_IsInvalidArgument(int days)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _agenda.ListUpcomingInitiativesAsync(new GrpcMeetings.ListUpcomingInitiativesQuery { DaysAhead = days }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
