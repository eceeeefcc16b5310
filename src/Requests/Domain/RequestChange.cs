namespace MarketingDev.Requests.Domain;

/// <summary>One line of a request's history: who did what, when, from which status to which, and why.</summary>
public sealed class RequestChange
{
    private RequestChange()
    {
    }

    public long Id { get; private set; }
    public Guid RequestId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string ActorId { get; private set; } = "";
    public string Action { get; private set; } = "";
    public RequestStatus? FromStatus { get; private set; }
    public RequestStatus? ToStatus { get; private set; }
    public string? Reason { get; private set; }
    public int Version { get; private set; }

    public static RequestChange Of(Request request, Actor actor, string action, DateTimeOffset at,
        RequestStatus? from = null, RequestStatus? to = null, string? reason = null) => new()
    {
        RequestId = request.Id,
        At = at,
        Actor = actor.Name,
        ActorId = actor.Id,
        Action = action,
        FromStatus = from,
        ToStatus = to,
        Reason = reason,
        Version = request.Version,
    };
}
