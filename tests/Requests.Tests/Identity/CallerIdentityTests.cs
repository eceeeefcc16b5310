using Grpc.Core;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.TestSupport;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Tests.Identity;

/// <summary>
/// The service answers only callers with a service token it can verify, and takes the actor from that token: a
/// hand-built call can neither store a request in someone else's name nor act as an admin.
/// </summary>
public sealed class CallerIdentityTests(RequestsFixture fixture) : IClassFixture<RequestsFixture>
{
    private static readonly Actor Maria = new("key-maria-" + Guid.NewGuid().ToString("N")[..6], "maria", Role.Marketing);

    [Fact]
    public async Task Call_WithoutServiceToken_IsUnauthenticated_AndStoresNothing()
    {
        var title = "Anonymous " + Guid.NewGuid();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.AnonymousClient().DraftRequestAsync(
            new Proto.DraftRequestCommand { Content = new Proto.RequestContent { Title = title } }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(0, await fixture.WithDbAsync(db => Task.FromResult(db.Requests.Count(r => r.Title == title))));
    }

    [Fact]
    public async Task Call_WithTokenSignedByUnknownKey_IsUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.ForgedClient(TestActors.Admin).DraftRequestAsync(
            new Proto.DraftRequestCommand { Content = new Proto.RequestContent { Title = "Forged" } }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Draft_IsOwnedByTheTokensActor_ById()
    {
        var drafted = (await fixture.ClientAs(Maria).DraftRequestAsync(
            new Proto.DraftRequestCommand { Content = new Proto.RequestContent { Title = "Mine" } })).Request;

        Assert.Equal((Maria.Name, Maria.Id), (drafted.Requester, drafted.RequesterId));
    }

    [Fact]
    public async Task Withdraw_BySomeoneWithTheSameNameButAnotherKey_IsPermissionDenied()
    {
        var drafted = (await fixture.ClientAs(Maria).DraftRequestAsync(
            new Proto.DraftRequestCommand { Content = new Proto.RequestContent { Title = "Not yours" } })).Request;
        var namesake = new Actor("key-other-" + Guid.NewGuid().ToString("N")[..6], "maria", Role.Marketing);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.ClientAs(namesake).TransitionRequestAsync(
            new Proto.TransitionRequestCommand { Id = drafted.Id, To = Proto.RequestStatus.Withdrawn }));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var history = await fixture.Client.GetHistoryAsync(new Proto.GetRequestQuery { Id = drafted.Id });
        Assert.Equal([(Maria.Id, "maria", "drafted")], history.Entries.Select(e => (e.ActorId, e.Actor, e.Action)).ToList());
    }
}
