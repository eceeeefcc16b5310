using System.Text.Json.Nodes;

namespace MarketingDev.TestSupport;

/// <summary>
/// The fuzz tests' one move: replace one value anywhere in a valid JSON body with a hostile one, or remove a property,
/// or add an unexpected one. Deterministic for a seeded <see cref="Random"/>, so a failure reproduces.
/// </summary>
public static class JsonMutation
{
    /// <param name="structuralOneIn">One draw in this many removes a property, one adds one; the rest replace a value.</param>
    public static string Mutate(JsonNode root, Random random, IReadOnlyList<JsonNode?> hostile, int structuralOneIn)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(root, slots);
        var (parent, key) = slots[random.Next(slots.Count)];
        var replacement = hostile[random.Next(hostile.Count)]?.DeepClone();
        switch (random.Next(structuralOneIn))
        {
            case 0 when parent is JsonObject removable && key is string removed:
                removable.Remove(removed);
                break;
            case 1 when parent is JsonObject extended:
                extended["fuzz" + random.Next(100)] = replacement;
                break;
            default:
                if (parent is JsonObject obj)
                {
                    obj[(string)key] = replacement;
                }
                else
                {
                    ((JsonArray)parent)[(int)key] = replacement;
                }

                break;
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                slots.Add((obj, name));
                if (child is not null)
                {
                    Collect(child, slots);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                if (array[i] is { } child)
                {
                    Collect(child, slots);
                }
            }
        }
    }
}
