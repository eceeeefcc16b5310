using System.Text;

namespace MarketingDev.KnowledgeBase.Features.Search;

/// <summary>
/// The key misses are aggregated by: "Rate-limit?", "rate LIMIT" and "limit rate" are one gap. Words are runs of
/// letters and digits, lower-cased (invariant culture), de-duplicated
/// and sorted. Only letters, digits and single spaces remain, so the key is also safe to hand to a tsquery parser.
/// </summary>
public static class QueryNormalizer
{
    public const int MaxWords = 32;

    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    public static string Normalize(string? query) =>
        string.Join(' ', Words(query).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxWords));

    /// <summary>A to_tsquery expression matching any of the words (for questions and request texts, which are prose, not keywords).</summary>
    public static string AnyWordQuery(string? text, int maxWords = 64) =>
        string.Join(" | ", Words(text).Where(w => w.Length > 1).Distinct(StringComparer.Ordinal).Take(maxWords));
}
