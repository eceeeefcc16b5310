using System.Diagnostics;

namespace MarketingDev.ServiceDefaults.Messaging;

/// <summary>
/// Carries the W3C trace context of the call that caused an event through the outbox and RabbitMQ to its consumers:
/// the outbox row keeps the traceparent current when the event was stored, the relay publishes it as the message's
/// traceparent header, and the inbox filter runs the consumer in an activity with that parent. Activities are started
/// even when nothing records them, so the context still reaches the events a consumer publishes in turn.
/// </summary>
public static class MessageTracing
{
    public const string SourceName = "MarketingDev.Messaging";
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The traceparent of the current activity, when there is one in W3C form.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    /// <summary>Starts an activity whose parent is the given traceparent (a root one when it is missing or malformed).</summary>
    public static Activity? Start(string name, ActivityKind kind, string? traceParent, string? traceState = null)
    {
        if (!ActivityContext.TryParse(traceParent, traceState, out var parent))
        {
            return Source.StartActivity(name, kind);
        }

        var activity = Source.StartActivity(name, kind, parent);
        if (activity is null)
        {
            // Nobody records spans (no exporter configured): an unrecorded activity still carries the context onward.
            activity = new Activity(name).SetParentId(traceParent!);
            if (traceState is not null)
            {
                activity.TraceStateString = traceState;
            }

            activity.Start();
        }

        return activity;
    }
}
