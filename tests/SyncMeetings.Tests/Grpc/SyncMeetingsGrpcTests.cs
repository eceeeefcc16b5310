using Grpc.Core;
using MarketingDev.Contracts;
using MarketingDev.Contracts.Grpc;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Grpc;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proto = MarketingDev.Contracts.Grpc.Meetings;

namespace MarketingDev.SyncMeetings.Tests.Grpc;

/// <summary>The service enforces its own rules for any caller, not only behind the Gateway: roles from the service token, typed enums.</summary>
public sealed class SyncMeetingsGrpcTests : IAsyncLifetime
{
    private IsolatedResources? _resources;
    private ServiceHost<SyncMeetingsGrpcService>? _host;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.MeetingsDb);
        _host = new ServiceHost<SyncMeetingsGrpcService>(_resources.Settings());
        using var health = _host.CreateClient();
        await Eventually.ReturnsAsync(async () => (int)(await health.GetAsync("/health")).StatusCode, s => s == 200, "SyncMeetings /health");
    }

    public async ValueTask DisposeAsync()
    {
        await (_host?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_resources?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    private Proto.SyncMeetings.SyncMeetingsClient Client(Actor actor) => new(_host!.CreateGrpcChannel(actor));

    private static Proto.CreateSeriesCommand Series(Proto.ParticipantFunction function = Proto.ParticipantFunction.Development) => new()
    {
        Settings = new Proto.SeriesSettings { Name = "Sync", TimeZone = "UTC", Participants = { new Proto.Participant { Name = "dave", Function = function } } },
    };

    private async Task<int> SeriesCountAsync()
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeetingsDbContext>().Series.CountAsync();
    }

    [Theory]
    [InlineData(Role.Marketing)]
    [InlineData(Role.Developer)]
    public async Task CreateSeries_NotLeadOrAdmin_PermissionDenied_NothingStored(Role role)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client(new Actor("someone", "someone", role)).CreateSeriesAsync(Series()));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await SeriesCountAsync());
    }

    [Theory]
    [InlineData(Proto.ParticipantFunction.Unspecified)]
    [InlineData((Proto.ParticipantFunction)42)]
    public async Task CreateSeries_FunctionUnspecifiedOrUnknown_InvalidArgument(Proto.ParticipantFunction function)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Client(TestActors.Lead).CreateSeriesAsync(Series(function)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(0, await SeriesCountAsync());
    }

    [Fact]
    public async Task AnyCall_WithoutServiceToken_Unauthenticated()
    {
        var anonymous = new Proto.SyncMeetings.SyncMeetingsClient(_host!.CreateAnonymousGrpcChannel());

        var error = await Assert.ThrowsAsync<RpcException>(async () => await anonymous.ListSeriesAsync(new Proto.ListSeriesQuery()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Refresh_AfterTheMeetingStarted_FailedPrecondition()
    {
        var lead = Client(TestActors.Lead);
        var series = (await lead.CreateSeriesAsync(Series())).Series;
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var meeting = (await lead.ScheduleMeetingAsync(new Proto.ScheduleMeetingCommand { SeriesId = series.Id, Date = yesterday.ToProto() })).Meeting;

        var error = await Assert.ThrowsAsync<RpcException>(async () => await lead.RefreshAgendaAsync(new Proto.MeetingQuery { MeetingId = meeting.Id }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task CompleteActionItem_ByOwnerByName_AllowedOthersDenied()
    {
        var lead = Client(TestActors.Lead);
        var series = (await lead.CreateSeriesAsync(Series())).Series;
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var meeting = (await lead.ScheduleMeetingAsync(new Proto.ScheduleMeetingCommand { SeriesId = series.Id, Date = date.ToProto() })).Meeting;
        var item = await lead.AssignActionItemAsync(new Proto.AssignActionItemCommand
        {
            MeetingId = meeting.Id, Title = "Check the quota", Owner = TestActors.Developer.Name, DueDate = date.AddDays(2).ToProto(),
        });

        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client(TestActors.Marketing).CompleteActionItemAsync(new Proto.ActionItemQuery { ActionItemId = item.Id }));
        var done = await Client(TestActors.Developer).CompleteActionItemAsync(new Proto.ActionItemQuery { ActionItemId = item.Id });

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(Proto.ActionItemStatus.Done, done.Status);
        Assert.Equal(TestActors.Developer.Name, done.CompletedBy);
    }
}
