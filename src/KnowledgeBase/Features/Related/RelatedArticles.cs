using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Search;

namespace MarketingDev.KnowledgeBase.Features.Related;

/// <summary>Which matches a request shows first: pitfalls and API docs (what goes wrong, what the systems allow), then the rest by rank.</summary>
public static class RelatedArticles
{
    public const int Candidates = 10;
    public const int Shown = 5;

    public static IReadOnlyList<Guid> Order(IEnumerable<SearchHit> rankedHits, int take = Shown) =>
        rankedHits
            .Select((hit, position) => (hit, position))
            .OrderBy(x => x.hit.Kind is ArticleKind.Pitfall or ArticleKind.ApiDoc ? 0 : 1)
            .ThenBy(x => x.position)
            .Take(take)
            .Select(x => x.hit.Id)
            .ToList();
}
