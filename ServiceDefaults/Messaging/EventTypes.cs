using MarketingDev.Contracts.Events;

namespace MarketingDev.ServiceDefaults.Messaging;

/// <summary>
/// The stable name an outbox row gives its event type: the record's full name in Contracts (the name MassTransit binds
/// by too), never the assembly-qualified name, which changes with every assembly version and would strand stored rows.
/// </summary>
public static class EventTypes
{
    private static readonly System.Reflection.Assembly Contracts = typeof(IIntegrationEvent).Assembly;

    public static string WireName(Type type) => type.FullName ?? throw new ArgumentException("An event type needs a name.", nameof(type));

    public static Type Resolve(string wireName)
    {
        // Rows written before the change hold an assembly-qualified name: its first part is the full name.
        var fullName = wireName.Split(',', 2)[0].Trim();
        return Contracts.GetType(fullName, throwOnError: false)
               ?? throw new InvalidOperationException($"The outbox holds an event of unknown type '{fullName}'.");
    }
}
