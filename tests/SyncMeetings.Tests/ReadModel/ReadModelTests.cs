using MarketingDev.Contracts;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Grpc;
using MarketingDev.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingDev.SyncMeetings.Tests.ReadModel;

/// <summary>
/// The read model behind the agenda, fed over the real broker: events in any order end in the same state, and a
/// redelivered event is applied once.
/// </summary>
public sealed class ReadModelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
    private IsolatedResources? _resources;
    private ServiceHost<SyncMeetingsGrpcService>? _meetings;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.MeetingsDb);
        _meetings = new ServiceHost<SyncMeetingsGrpcService>(_resources.Settings());
        using var health = _meetings.CreateClient();
        await Eventually.ReturnsAsync(async () => (int)(await health.GetAsync("/health")).StatusCode, s => s == 200, "SyncMeetings /health");
    }

    public async ValueTask DisposeAsync()
    {
        await (_meetings?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_resources?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    private async Task PublishAsync<T>(T message, Guid eventId) where T : class
    {
        var bus = _meetings!.Services.GetRequiredService<IBus>();
        await bus.Publish(message, context => context.MessageId = eventId);
    }

    private async Task<T> WithDbAsync<T>(Func<MeetingsDbContext, Task<T>> query)
    {
        await using var scope = _meetings!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MeetingsDbContext>());
    }

    [Fact]
    public async Task RequestEvents_OutOfOrder_NewestValuesWin()
    {
        var id = Guid.NewGuid();
        var launch = new DateOnly(2027, 2, 1);
        var edited = new RequestEdited(Guid.NewGuid(), T0.AddHours(2), id, "REQ-7", "Spring page (final)", "landingPage", "high", launch, null, "submitted", 3, "maria-id");
        var submitted = new RequestSubmitted(Guid.NewGuid(), T0.AddHours(1), id, "REQ-7", "landingPage", "medium", new DateOnly(2027, 3, 1), 90, "maria", "maria", Title: "Spring page");
        var drafted = new RequestDrafted(Guid.NewGuid(), T0, id, "REQ-7", "Spring page (draft)", "landingPage", "low", null, "maria");

        await PublishAsync(edited, edited.EventId);
        await Eventually.ReturnsAsync(() => WithDbAsync(db => db.Requests.AnyAsync(r => r.RequestId == id)), found => found, "the edit to create the row");
        await PublishAsync(submitted, submitted.EventId);
        await PublishAsync(drafted, drafted.EventId);
        var estimated = new RequestEstimated(Guid.NewGuid(), T0.AddHours(3), id, "REQ-7", "xl", 20, false, "dave-id");
        await PublishAsync(estimated, estimated.EventId);

        Guid[] all = [edited.EventId, submitted.EventId, drafted.EventId, estimated.EventId];
        await Eventually.ReturnsAsync(() => WithDbAsync(db => db.InboxMessages.CountAsync(m => all.Contains(m.MessageId))), n => n == 4, "every event to be consumed");
        var row = await WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.RequestId == id));
        Assert.Equal(("REQ-7", "Spring page (final)", "high", launch, "submitted"), (row.Key, row.Title, row.Priority, row.LaunchDate, row.Status));
        Assert.Equal(("xl", T0.AddHours(3)), (row.EstimateSize, row.LastActivityAt));
    }

    private Task<bool> Inboxed(Guid eventId) => WithDbAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == eventId));

    [Fact]
    public async Task Roadblock_ResolvedBeforeRaised_StaysResolved_AndARedeliveryIsAppliedOnce()
    {
        var roadblockId = Guid.NewGuid();
        var requestId = Guid.NewGuid();
        var resolved = new RoadblockResolved(Guid.NewGuid(), T0.AddDays(1), roadblockId, requestId, "REQ-9", "Quota raised", "dave", T0);
        var raised = new RoadblockRaised(Guid.NewGuid(), T0, roadblockId, requestId, "REQ-9", "CRM import", "HubSpot quota too low", "high", "dave");

        await PublishAsync(resolved, resolved.EventId);
        await PublishAsync(raised, raised.EventId);
        await PublishAsync(raised, raised.EventId);

        // The two events travel through two queues, so either may be consumed first: wait for both.
        await Eventually.ReturnsAsync(() => Inboxed(raised.EventId), seen => seen, "the raise to be consumed");
        await Eventually.ReturnsAsync(() => Inboxed(resolved.EventId), seen => seen, "the resolution to be consumed");
        var row = await WithDbAsync(db => db.Roadblocks.AsNoTracking().SingleAsync(r => r.RoadblockId == roadblockId));
        Assert.Equal(T0.AddDays(1), row.ResolvedAt);
        Assert.Equal(("high", "HubSpot quota too low", T0), (row.Severity, row.Description, row.RaisedAt));
        Assert.Equal(1, await WithDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == raised.EventId)));
        Assert.Equal(T0.AddDays(1), (await WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.RequestId == requestId))).LastActivityAt);
    }

    public static TheoryData<int[]> Orders => new() { new[] { 0, 1, 2 }, new[] { 0, 2, 1 }, new[] { 1, 0, 2 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 }, new[] { 2, 1, 0 } };

    [Theory]
    [MemberData(nameof(Orders))]
    public void TrackedRequest_AnyOrderOfDraftSubmitEdit_SameState(int[] order)
    {
        var request = TrackedRequest.New(Guid.NewGuid(), "REQ-1");
        var steps = new Action[]
        {
            () => { request.Content(T0, 1, "Draft title", "feature", "low", null); request.StatusIs(T0, "draft"); },
            () => { request.Content(T0.AddHours(1), 0, null, "feature", "medium", new DateOnly(2027, 3, 1)); request.StatusIs(T0.AddHours(1), "submitted"); },
            () => { request.Content(T0.AddHours(2), 2, "Edited title", "feature", "high", new DateOnly(2027, 2, 1)); request.StatusIs(T0.AddHours(2), "submitted"); },
        };

        foreach (var step in order)
        {
            steps[step]();
        }

        Assert.Equal(("Edited title", "high", new DateOnly(2027, 2, 1), "submitted", T0.AddHours(2)),
            (request.Title, request.Priority, request.LaunchDate, request.Status, request.LastActivityAt));
    }
}
