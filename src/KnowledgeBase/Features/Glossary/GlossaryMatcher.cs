using System.Text.RegularExpressions;
using MarketingDev.KnowledgeBase.Domain;

namespace MarketingDev.KnowledgeBase.Features.Glossary;

public sealed record GlossaryEntry(Guid ArticleId, string Term, IReadOnlyList<string> Aliases, string PlainExplanation, GlossarySide Side);

public sealed record GlossaryMatch(GlossaryEntry Entry, IReadOnlyList<string> Spellings, int Occurrences);

/// <summary>
/// Finds glossary terms and aliases in a text in one pass: one compiled alternation of every spelling, longest first
/// (so "double opt-in" wins over "opt-in"), whole words only (no letter or digit may touch either end), case-insensitive,
/// with any run of white space in a term matching any run in the text. Built once per glossary version and shared.
/// </summary>
public sealed class GlossaryMatcher
{
    public static readonly GlossaryMatcher Empty = new([]);
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private readonly Regex? _regex;
    private readonly Dictionary<string, GlossaryEntry> _bySpelling;

    public GlossaryMatcher(IEnumerable<GlossaryEntry> entries)
    {
        _bySpelling = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var spelling in entry.Aliases.Prepend(entry.Term))
            {
                var key = Key(spelling);
                if (key.Length > 0)
                {
                    // The first article to claim a spelling keeps it; a later duplicate cannot make a match ambiguous.
                    _bySpelling.TryAdd(key, entry);
                }
            }
        }

        if (_bySpelling.Count > 0)
        {
            var alternation = string.Join('|', _bySpelling.Keys
                .OrderByDescending(k => k.Length)
                .ThenBy(k => k, StringComparer.Ordinal)
                .Select(k => Regex.Escape(k).Replace("\\ ", "\\s+", StringComparison.Ordinal)));
            _regex = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{alternation})(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
        }
    }

    public int Spellings => _bySpelling.Count;

    /// <summary>The entries found, in order of first appearance, with the spellings as written in the text.</summary>
    public IReadOnlyList<GlossaryMatch> Match(string text)
    {
        if (_regex is null || string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new Dictionary<Guid, (GlossaryEntry Entry, List<string> Spellings, int Count)>();
        var order = new List<Guid>();
        foreach (Match match in _regex.Matches(text))
        {
            if (!_bySpelling.TryGetValue(Key(match.Value), out var entry))
            {
                continue;
            }

            if (!found.TryGetValue(entry.ArticleId, out var hit))
            {
                hit = (entry, [], 0);
                order.Add(entry.ArticleId);
            }

            if (!hit.Spellings.Contains(match.Value, StringComparer.Ordinal))
            {
                hit.Spellings.Add(match.Value);
            }

            found[entry.ArticleId] = (hit.Entry, hit.Spellings, hit.Count + 1);
        }

        return order.Select(id => new GlossaryMatch(found[id].Entry, found[id].Spellings, found[id].Count)).ToList();
    }

    /// <summary>How a spelling is looked up: trimmed, inner white space as one space, lower case (invariant).</summary>
    internal static string Key(string spelling) =>
        string.Join(' ', spelling.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
