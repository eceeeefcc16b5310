using System.Collections.Frozen;
using System.Text.Json;
using MarketingDev.Contracts.Events;

namespace MarketingDev.Gateway.Webhooks;

/// <summary>
/// Every integration event of Contracts under the name webhooks and the feed use: the record's name in camelCase
/// ("requestDrafted", "bugReported"), like every other wire name of the API. Names are unique across producers.
/// </summary>
public static class EventCatalog
{
    public static readonly FrozenDictionary<string, Type> ByName = Build();

    public static IEnumerable<Type> Types => ByName.Values;

    public static string NameOf(Type type) => JsonNamingPolicy.CamelCase.ConvertName(type.Name);

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    private static FrozenDictionary<string, Type> Build()
    {
        var types = typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .ToList();
        var duplicates = types.GroupBy(NameOf).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Two integration events share the wire name(s) {string.Join(", ", duplicates)}.");
        }

        return types.ToFrozenDictionary(NameOf, t => t, StringComparer.Ordinal);
    }
}
