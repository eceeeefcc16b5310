using MarketingDev.Contracts.Events;
using MarketingDev.Contracts.Events.Requests;

namespace MarketingDev.Metrics.Features.Demo;

/// <summary>One request's events, as the Requests service publishes them on each move.</summary>
public sealed class RequestScript(string key, string team, string type, DateOnly? launchDate, Func<Guid>? ids = null)
{
    public Guid Id { get; } = EventScript.Next(ids);

    public List<IIntegrationEvent> Events { get; } = [];

    public RequestScript Drafted(DateTimeOffset at) =>
        Add(new RequestDrafted(NewId(), at, Id, key, key + " title", type, "high", launchDate, "maria", team));

    public RequestScript Submitted(DateTimeOffset at, int warnings) =>
        Add(new RequestSubmitted(NewId(), at, Id, key, type, "high", launchDate, 90, "maria", "maria", warnings))
            .Moved(at, "draft", "submitted", "submitted");

    public RequestScript Moved(DateTimeOffset at, string from, string to, string kind, string? reason = null) =>
        Add(new RequestStatusChanged(NewId(), at, Id, key, from, to, kind, reason, "dave", type, "high", launchDate, null, null));

    public RequestScript Returned(DateTimeOffset at) => Moved(at, "submitted", "draft", "returned", "Which audience?");

    public RequestScript Reviewed(DateTimeOffset inReview, DateTimeOffset ready) =>
        Moved(inReview, "submitted", "inReview", "advanced").Moved(ready, "inReview", "ready", "advanced");

    public RequestScript Started(DateTimeOffset at) => Moved(at, "ready", "inProgress", "advanced");

    public RequestScript Estimated(DateTimeOffset at, double days) => Add(new RequestEstimated(NewId(), at, Id, key, "m", days, false, "dave"));

    public RequestScript Clarification(DateTimeOffset at) => Add(new ClarificationRequested(NewId(), at, Id, NewId(), key, "dave"));

    public RequestScript Delivered(DateTimeOffset at, double? estimate, int actual) =>
        Moved(at, "inProgress", "delivered", "delivered")
            .Add(new RequestDelivered(NewId(), at, Id, key, type, "high", launchDate, null, estimate, actual));

    public RequestScript Reopened(DateTimeOffset at) => Moved(at, "delivered", "inProgress", "reopened", "Form broken on Safari");

    public RequestScript Roadblock(DateTimeOffset raised, DateTimeOffset? resolved = null)
    {
        var id = NewId();
        Add(new RoadblockRaised(NewId(), raised, id, Id, key, key + " title", "HubSpot API quota", "high", "dave"));
        return resolved is { } at ? Add(new RoadblockResolved(NewId(), at, id, Id, key, "Quota raised", "dave", raised)) : this;
    }

    private Guid NewId() => EventScript.Next(ids);

    private RequestScript Add(IIntegrationEvent e)
    {
        Events.Add(e);
        return this;
    }
}
