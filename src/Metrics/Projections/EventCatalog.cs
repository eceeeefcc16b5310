using System.Text.Json;
using System.Text.Json.Serialization;
using MarketingDev.Contracts.Events;
using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Contracts.Events.SyncMeetings;

namespace MarketingDev.Metrics.Projections;

/// <summary>The streams projections are folded per: every event belongs to exactly one.</summary>
public enum StreamKind { Request, Bug, Roadblock, Meeting, ActionItem, Session, SearchCount, Gap, Question, Article }

/// <summary>
/// Every integration event Metrics consumes: its stored type name, the stream it belongs to and the JSON it is stored
/// as. Adding an event is one line here, one consumer, and the fold of its stream.
/// </summary>
public static class EventCatalog
{
    /// <summary>Web defaults, instants read back in UTC (PostgreSQL's timestamptz takes nothing else).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new UtcInstantConverter() } };

    private static readonly Dictionary<Type, (StreamKind Kind, Func<IIntegrationEvent, Guid> Stream)> Streams = new()
    {
        [typeof(RequestDrafted)] = (StreamKind.Request, e => ((RequestDrafted)e).RequestId),
        [typeof(RequestEdited)] = (StreamKind.Request, e => ((RequestEdited)e).RequestId),
        [typeof(RequestSubmitted)] = (StreamKind.Request, e => ((RequestSubmitted)e).RequestId),
        [typeof(RequestStatusChanged)] = (StreamKind.Request, e => ((RequestStatusChanged)e).RequestId),
        [typeof(RequestDelivered)] = (StreamKind.Request, e => ((RequestDelivered)e).RequestId),
        [typeof(RequestEstimated)] = (StreamKind.Request, e => ((RequestEstimated)e).RequestId),
        [typeof(ClarificationRequested)] = (StreamKind.Request, e => ((ClarificationRequested)e).RequestId),
        [typeof(ClarificationAnswered)] = (StreamKind.Request, e => ((ClarificationAnswered)e).RequestId),
        [typeof(BugReported)] = (StreamKind.Bug, e => ((BugReported)e).BugId),
        [typeof(RoadblockRaised)] = (StreamKind.Roadblock, e => ((RoadblockRaised)e).RoadblockId),
        [typeof(RoadblockResolved)] = (StreamKind.Roadblock, e => ((RoadblockResolved)e).RoadblockId),
        [typeof(MeetingCompleted)] = (StreamKind.Meeting, e => ((MeetingCompleted)e).MeetingId),
        [typeof(ActionItemAssigned)] = (StreamKind.ActionItem, e => ((ActionItemAssigned)e).ActionItemId),
        [typeof(ActionItemCompleted)] = (StreamKind.ActionItem, e => ((ActionItemCompleted)e).ActionItemId),
        [typeof(SessionHeld)] = (StreamKind.Session, e => ((SessionHeld)e).SessionId),
        [typeof(KnowledgeSearchesCounted)] = (StreamKind.SearchCount, e => e.EventId),
        [typeof(KnowledgeGapRecorded)] = (StreamKind.Gap, e => ((KnowledgeGapRecorded)e).GapId),
        [typeof(KnowledgeGapClosed)] = (StreamKind.Gap, e => ((KnowledgeGapClosed)e).GapId),
        [typeof(QuestionAsked)] = (StreamKind.Question, e => ((QuestionAsked)e).QuestionId),
        [typeof(QuestionAnswered)] = (StreamKind.Question, e => ((QuestionAnswered)e).QuestionId),
        [typeof(ArticlePublished)] = (StreamKind.Article, e => ((ArticlePublished)e).ArticleId),
        [typeof(ArticleRevised)] = (StreamKind.Article, e => ((ArticleRevised)e).ArticleId),
        [typeof(ArticleReviewed)] = (StreamKind.Article, e => ((ArticleReviewed)e).ArticleId),
        [typeof(ArticleDeleted)] = (StreamKind.Article, e => ((ArticleDeleted)e).ArticleId),
    };

    private static readonly Dictionary<string, Type> ByName = Streams.Keys.ToDictionary(t => t.Name);

    public static IReadOnlyCollection<Type> EventTypes => Streams.Keys;

    /// <summary>The stored type name (the record's name; the namespaces of Contracts never repeat one).</summary>
    public static string TypeName(IIntegrationEvent e) => e.GetType().Name;

    public static (StreamKind Kind, Guid StreamId) StreamOf(IIntegrationEvent e) =>
        Streams.TryGetValue(e.GetType(), out var stream)
            ? (stream.Kind, stream.Stream(e))
            : throw new ArgumentException($"{e.GetType().Name} is not an event Metrics consumes.", nameof(e));

    public static string Serialize(IIntegrationEvent e) => JsonSerializer.Serialize(e, e.GetType(), Json);

    public static IIntegrationEvent Deserialize(string type, string body) =>
        (IIntegrationEvent)(JsonSerializer.Deserialize(body, ByName.TryGetValue(type, out var t) ? t : throw new ArgumentException($"Unknown stored event type {type}."), Json)
            ?? throw new ArgumentException($"A stored {type} is empty."));
}

internal sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
