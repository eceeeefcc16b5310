using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.KnowledgeBase.Features.Glossary;

/// <summary>
/// The compiled <see cref="GlossaryMatcher"/> of the current glossary, shared by every annotation. It is rebuilt when
/// this instance changes a glossary article (Invalidate) and when another replica did: each use compares the count and
/// latest change of the glossary articles, two index lookups, with those the matcher was built from.
/// </summary>
public sealed class GlossaryIndex
{
    private sealed record Built(int Generation, int Count, DateTimeOffset? LastChange, GlossaryMatcher Matcher);

    private Built? _built;
    private int _generation;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<GlossaryMatcher> GetAsync(KnowledgeDbContext db, CancellationToken ct)
    {
        var glossary = db.Articles.AsNoTracking().Where(a => a.Kind == ArticleKind.Glossary);
        var count = await glossary.CountAsync(ct);
        var lastChange = await glossary.MaxAsync(a => (DateTimeOffset?)a.UpdatedAt, ct);
        var generation = Volatile.Read(ref _generation);
        if (Fresh(_built, generation, count, lastChange) is { } matcher)
        {
            return matcher;
        }

        // Two callers that find it stale at once both build it; the last one stored wins, and both are equal.
        var entries = (await glossary.OrderBy(a => a.Seq).ToListAsync(ct))
            .Where(a => a.Data.Glossary is not null)
            .Select(a => new GlossaryEntry(a.Id, a.Data.Glossary!.Term, a.Data.Glossary.Aliases, a.Data.Glossary.PlainExplanation, a.Data.Glossary.Side));
        var fresh = new GlossaryMatcher(entries);
        _built = new Built(generation, count, lastChange, fresh);
        return fresh;
    }

    private static GlossaryMatcher? Fresh(Built? built, int generation, int count, DateTimeOffset? lastChange) =>
        built is not null && built.Generation == generation && built.Count == count && built.LastChange == lastChange ? built.Matcher : null;
}
