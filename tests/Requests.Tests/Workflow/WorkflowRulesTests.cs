using MarketingDev.Requests.Domain;
using Rules = MarketingDev.Requests.Domain.Workflow;

namespace MarketingDev.Requests.Tests.Workflow;

/// <summary>The lifecycle table and who may make each move, without a server.</summary>
public sealed class WorkflowRulesTests
{
    private static readonly Actor Maria = new("maria", ActorRole.Marketing);
    private static readonly Actor OtherMarketer = new("sam", ActorRole.Marketing);
    private static readonly Actor Dave = new("dave", ActorRole.Developer);
    private static readonly Actor Lena = new("lena", ActorRole.Lead);

    public static TheoryData<RequestStatus, RequestStatus, string, bool, bool, bool, bool> Moves => new()
    {
        // from, to, kind, reason required, maria (requester), dave (developer), sam (other marketer)
        { RequestStatus.Draft, RequestStatus.Submitted, "submitted", false, true, false, false },
        { RequestStatus.Draft, RequestStatus.Withdrawn, "withdrawn", false, true, false, false },
        { RequestStatus.Submitted, RequestStatus.InReview, "advanced", false, false, true, false },
        { RequestStatus.Submitted, RequestStatus.Draft, "returned", true, false, true, false },
        { RequestStatus.InReview, RequestStatus.Draft, "returned", true, false, true, false },
        { RequestStatus.InReview, RequestStatus.Rejected, "rejected", true, false, true, false },
        { RequestStatus.Ready, RequestStatus.InProgress, "advanced", false, false, true, false },
        { RequestStatus.InProgress, RequestStatus.Delivered, "delivered", false, false, true, false },
        { RequestStatus.Delivered, RequestStatus.InProgress, "reopened", true, false, true, false },
        { RequestStatus.Ready, RequestStatus.Withdrawn, "withdrawn", false, true, false, false },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Move_HasItsKindReasonAndActors(RequestStatus from, RequestStatus to, string kind, bool reason, bool requester, bool developer, bool otherMarketer)
    {
        var move = Rules.Find(from, to);

        Assert.NotNull(move);
        Assert.Equal((kind, reason), (move.Kind, move.ReasonRequired));
        Assert.Equal(requester, Rules.MayMake(move, Maria, "maria"));
        Assert.Equal(developer, Rules.MayMake(move, Dave, "maria"));
        Assert.Equal(otherMarketer, Rules.MayMake(move, OtherMarketer, "maria"));
        Assert.True(Rules.MayMake(move, Lena, "maria"));
    }

    [Theory]
    [InlineData(RequestStatus.Draft, RequestStatus.Delivered)]
    [InlineData(RequestStatus.Delivered, RequestStatus.Draft)]
    [InlineData(RequestStatus.Rejected, RequestStatus.Submitted)]
    [InlineData(RequestStatus.Withdrawn, RequestStatus.Draft)]
    [InlineData(RequestStatus.InProgress, RequestStatus.Withdrawn)]
    public void ImpossibleMove_IsNotInTheTable(RequestStatus from, RequestStatus to) => Assert.Null(Rules.Find(from, to));

    [Fact]
    public void TerminalStatuses_AllowNoMove() =>
        Assert.Empty(new[] { RequestStatus.Rejected, RequestStatus.Withdrawn }.SelectMany(Rules.AllowedFrom));

    [Theory]
    [InlineData(RequestStatus.Draft, "maria", true)]
    [InlineData(RequestStatus.Submitted, "maria", false)]
    [InlineData(RequestStatus.Draft, "sam", false)]
    public void Marketing_EditsOnlyItsOwnDrafts(RequestStatus status, string who, bool allowed) =>
        Assert.Equal(allowed, Rules.MayEdit(status, new Actor(who, ActorRole.Marketing), "maria"));

    [Theory]
    [InlineData(RequestStatus.InProgress, true)]
    [InlineData(RequestStatus.Delivered, false)]
    public void Lead_EditsWhatIsStillOpen(RequestStatus status, bool allowed) =>
        Assert.Equal(allowed, Rules.MayEdit(status, Lena, "maria"));
}
