namespace MarketingDev.Requests.Domain;

/// <summary>One allowed bug status change: whether developers make it (else the reporter's side) and whether it needs a reason.</summary>
public sealed record BugMove(BugStatus From, BugStatus To, bool ByDevelopers, bool ReasonRequired);

/// <summary>
/// The bug lifecycle as data, like the request <see cref="Workflow"/>: open → fixed → verified, or wontFix (with a
/// reason); a fixed bug that is not fixed, or a declined one, goes back to open (with a reason). Developers fix and
/// decline; the reporter, marketing, leads and admins verify or reopen. Pure, so it is tested without a server.
/// </summary>
public static class BugLifecycle
{
    public static readonly IReadOnlyList<BugMove> Moves =
    [
        new(BugStatus.Open, BugStatus.Fixed, ByDevelopers: true, ReasonRequired: false),
        new(BugStatus.Open, BugStatus.WontFix, ByDevelopers: true, ReasonRequired: true),
        new(BugStatus.Fixed, BugStatus.Verified, ByDevelopers: false, ReasonRequired: false),
        new(BugStatus.Fixed, BugStatus.Open, ByDevelopers: false, ReasonRequired: true),
        new(BugStatus.WontFix, BugStatus.Open, ByDevelopers: false, ReasonRequired: true),
    ];

    public static BugMove? Find(BugStatus from, BugStatus to) => Moves.FirstOrDefault(m => m.From == from && m.To == to);

    public static IReadOnlyList<BugStatus> AllowedFrom(BugStatus from) => Moves.Where(m => m.From == from).Select(m => m.To).ToList();

    /// <summary>Developers make the developers' moves; the reporter (by stable id) and marketing make the others; leads and admins all.</summary>
    public static bool MayMake(BugMove move, Actor actor, string reportedById) =>
        actor.IsLeadOrAdmin
        || (move.ByDevelopers ? actor.Role == Role.Developer : actor.Role == Role.Marketing || actor.Id == reportedById);
}
