namespace MarketingDev.Requests.Domain;

/// <summary>One allowed status change: who may make it, whether it needs a reason, and what kind of change it is.</summary>
public sealed record Move(RequestStatus From, RequestStatus To, string Kind, bool ReasonRequired, bool ByRequester, bool ByDevelopers);

/// <summary>
/// The request lifecycle as data: draft → submitted → inReview → ready → inProgress → delivered, plus rejected and
/// withdrawn, and the two ways back the metrics count as rework (returned, reopened). Pure, so it is tested without a server.
/// </summary>
public static class Workflow
{
    public static readonly IReadOnlyList<Move> Moves =
    [
        new(RequestStatus.Draft, RequestStatus.Submitted, "submitted", false, ByRequester: true, ByDevelopers: false),
        new(RequestStatus.Draft, RequestStatus.Withdrawn, "withdrawn", false, true, false),
        new(RequestStatus.Submitted, RequestStatus.InReview, "advanced", false, false, true),
        new(RequestStatus.Submitted, RequestStatus.Draft, "returned", true, false, true),
        new(RequestStatus.Submitted, RequestStatus.Rejected, "rejected", true, false, true),
        new(RequestStatus.Submitted, RequestStatus.Withdrawn, "withdrawn", false, true, false),
        new(RequestStatus.InReview, RequestStatus.Ready, "advanced", false, false, true),
        new(RequestStatus.InReview, RequestStatus.Draft, "returned", true, false, true),
        new(RequestStatus.InReview, RequestStatus.Rejected, "rejected", true, false, true),
        new(RequestStatus.InReview, RequestStatus.Withdrawn, "withdrawn", false, true, false),
        new(RequestStatus.Ready, RequestStatus.InProgress, "advanced", false, false, true),
        new(RequestStatus.Ready, RequestStatus.Rejected, "rejected", true, false, true),
        new(RequestStatus.Ready, RequestStatus.Withdrawn, "withdrawn", false, true, false),
        new(RequestStatus.InProgress, RequestStatus.Delivered, "delivered", false, false, true),
        new(RequestStatus.Delivered, RequestStatus.InProgress, "reopened", true, false, true),
    ];

    public static Move? Find(RequestStatus from, RequestStatus to) => Moves.FirstOrDefault(m => m.From == from && m.To == to);

    public static IReadOnlyList<RequestStatus> AllowedFrom(RequestStatus from) => Moves.Where(m => m.From == from).Select(m => m.To).ToList();

    /// <summary>
    /// Marketing makes the requester's moves on its own requests (by the requester's stable id, never by display name);
    /// developers make the development moves.
    /// </summary>
    public static bool MayMake(Move move, Actor actor, string requesterId) =>
        actor.IsLeadOrAdmin
        || (move.ByRequester && actor.Role == Role.Marketing && actor.Id == requesterId)
        || (move.ByDevelopers && actor.Role == Role.Developer);

    /// <summary>Marketing edits its own drafts; leads and admins edit anything still open.</summary>
    public static bool MayEdit(RequestStatus status, Actor actor, string requesterId) =>
        (actor.IsLeadOrAdmin && status is not (RequestStatus.Delivered or RequestStatus.Rejected or RequestStatus.Withdrawn))
        || (status == RequestStatus.Draft && actor.Role == Role.Marketing && actor.Id == requesterId);

    public static bool MayEstimate(Actor actor) => actor.IsLeadOrAdmin || actor.Role == Role.Developer;
}
