using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.Requests.Tests.Bugs;

/// <summary>
/// The bug lifecycle and who may make each move, without a server. The expectations are written out here by hand (from
/// the bug guide: open → fixed → verified, or wontFix with a reason; fixed or wontFix back to open with a reason;
/// developers fix and decline, the reporter's side verifies and reopens) and compared with every (from, to) pair, so a
/// move added to or dropped from the production table by mistake fails a test.
/// </summary>
public sealed class BugLifecycleTests
{
    private const string ReporterId = "key-maria";
    private static readonly Actor Reporter = new(ReporterId, "maria", Role.Marketing);
    private static readonly Actor Dave = new("key-dave", "dave", Role.Developer);
    private static readonly Actor Lena = new("key-lena", "lena", Role.Lead);

    // A developer who reported the bug himself: the reporter's side by id.
    private static readonly Actor ReportingDeveloper = new(ReporterId, "dev-reporter", Role.Developer);

    // from → to : reason required, who (D = developers; R = the reporter's side; leads and admins always)
    private static readonly string[] ExpectedMoves =
    [
        "open→fixed:-:D",
        "open→wontFix:reason:D",
        "fixed→verified:-:R",
        "fixed→open:reason:R",
        "wontFix→open:reason:R",
    ];

    public static TheoryData<BugStatus, BugStatus> EveryPair()
    {
        var data = new TheoryData<BugStatus, BugStatus>();
        foreach (var from in Enum.GetValues<BugStatus>())
        {
            foreach (var to in Enum.GetValues<BugStatus>().Where(to => to != from))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Move_IsAllowedExactlyAsTheLifecycleSays(BugStatus from, BugStatus to)
    {
        var expected = ExpectedMoves.SingleOrDefault(m => m.StartsWith($"{Wire(from)}→{Wire(to)}:", StringComparison.Ordinal))?.Split(':');

        var move = BugLifecycle.Find(from, to);

        if (expected is null)
        {
            Assert.Null(move);
            Assert.DoesNotContain(to, BugLifecycle.AllowedFrom(from));
            return;
        }

        Assert.NotNull(move);
        Assert.Contains(to, BugLifecycle.AllowedFrom(from));
        Assert.Equal(expected[1] == "reason", move.ReasonRequired);
        Assert.Equal(expected[2] == "D", BugLifecycle.MayMake(move, Dave, ReporterId));
        Assert.Equal(expected[2] == "R", BugLifecycle.MayMake(move, Reporter, ReporterId));
        Assert.True(BugLifecycle.MayMake(move, ReportingDeveloper, ReporterId));
        Assert.True(BugLifecycle.MayMake(move, Lena, ReporterId));
    }

    [Fact]
    public void Verified_IsFinal() => Assert.Empty(BugLifecycle.AllowedFrom(BugStatus.Verified));

    private static string Wire(BugStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];
}
