using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults.Identity;
using Rules = MarketingDev.Requests.Domain.Workflow;

namespace MarketingDev.Requests.Tests.Workflow;

/// <summary>
/// The lifecycle and who may make each move, without a server. The expectations are written out here by hand, from the
/// README's lifecycle diagram, and compared with every (from, to) pair, so a move added to or dropped from the
/// production table by mistake fails a test.
/// </summary>
public sealed class WorkflowRulesTests
{
    private const string RequesterId = "key-maria";
    private static readonly Actor Maria = new(RequesterId, "maria", Role.Marketing);

    // Same display name, another key: ownership goes by id, so this is someone else.
    private static readonly Actor AnotherMaria = new("key-maria-2", "maria", Role.Marketing);
    private static readonly Actor Dave = new("key-dave", "dave", Role.Developer);
    private static readonly Actor Lena = new("key-lena", "lena", Role.Lead);

    // from → to : kind, reason required, who (R = the requester, D = developers; leads and admins always)
    private static readonly string[] ExpectedMoves =
    [
        "draft→submitted:submitted:-:R",
        "draft→withdrawn:withdrawn:-:R",
        "submitted→inReview:advanced:-:D",
        "submitted→draft:returned:reason:D",
        "submitted→rejected:rejected:reason:D",
        "submitted→withdrawn:withdrawn:-:R",
        "inReview→ready:advanced:-:D",
        "inReview→draft:returned:reason:D",
        "inReview→rejected:rejected:reason:D",
        "inReview→withdrawn:withdrawn:-:R",
        "ready→inProgress:advanced:-:D",
        "ready→rejected:rejected:reason:D",
        "ready→withdrawn:withdrawn:-:R",
        "inProgress→delivered:delivered:-:D",
        "delivered→inProgress:reopened:reason:D",
    ];

    public static TheoryData<RequestStatus, RequestStatus> EveryPair()
    {
        var data = new TheoryData<RequestStatus, RequestStatus>();
        foreach (var from in Enum.GetValues<RequestStatus>())
        {
            foreach (var to in Enum.GetValues<RequestStatus>().Where(to => to != from))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Move_IsAllowedExactlyAsTheLifecycleSays(RequestStatus from, RequestStatus to)
    {
        var expected = ExpectedMoves.SingleOrDefault(m => m.StartsWith($"{Wire(from)}→{Wire(to)}:", StringComparison.Ordinal))?.Split(':');

        var move = Rules.Find(from, to);

        if (expected is null)
        {
            Assert.Null(move);
            return;
        }

        Assert.NotNull(move);
        Assert.Equal((expected[1], expected[2] == "reason"), (move.Kind, move.ReasonRequired));
        Assert.Equal(expected[3] == "R", Rules.MayMake(move, Maria, RequesterId));
        Assert.Equal(expected[3] == "D", Rules.MayMake(move, Dave, RequesterId));
        Assert.False(Rules.MayMake(move, AnotherMaria, RequesterId));
        Assert.True(Rules.MayMake(move, Lena, RequesterId));
    }

    [Theory]
    [InlineData(RequestStatus.Draft, RequesterId, true)]
    [InlineData(RequestStatus.Submitted, RequesterId, false)]
    [InlineData(RequestStatus.Draft, "key-maria-2", false)]
    public void Marketing_EditsOnlyItsOwnDrafts_ByKeyNotByName(RequestStatus status, string actorId, bool allowed) =>
        Assert.Equal(allowed, Rules.MayEdit(status, new Actor(actorId, "maria", Role.Marketing), RequesterId));

    [Theory]
    [InlineData(RequestStatus.InProgress, true)]
    [InlineData(RequestStatus.Delivered, false)]
    public void Lead_EditsWhatIsStillOpen(RequestStatus status, bool allowed) =>
        Assert.Equal(allowed, Rules.MayEdit(status, Lena, RequesterId));

    private static string Wire(RequestStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];
}
