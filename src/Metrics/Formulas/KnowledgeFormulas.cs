using MarketingDev.Metrics.Domain;

namespace MarketingDev.Metrics.Formulas;

/// <summary>Self-service in the knowledge base and the interruptions it is meant to replace.</summary>
public static class KnowledgeFormulas
{
    public static long Searches(IEnumerable<SearchCountRow> counts, MetricWindow w) => counts.Where(c => w.Contains(c.CountedAt)).Sum(c => c.Searches);

    public static double? SelfServiceRate(IEnumerable<SearchCountRow> counts, MetricWindow w)
    {
        var inPeriod = counts.Where(c => w.Contains(c.CountedAt)).ToList();
        return Stats.Ratio(inPeriod.Sum(c => c.SearchesWithResult), inPeriod.Sum(c => c.Searches));
    }

    public static int OpenGaps(IEnumerable<GapRow> gaps, MetricWindow w) =>
        gaps.Count(g => g.RecordedAt < w.AsOf && (g.ClosedAt is null || g.ClosedAt >= w.AsOf));

    public static int ClosedGaps(IEnumerable<GapRow> gaps, MetricWindow w) => gaps.Count(g => w.Contains(g.ClosedAt));

    public static double? QuestionsPerWeek(IEnumerable<QuestionRow> questions, MetricWindow w) =>
        Stats.Ratio(questions.Count(q => w.Contains(q.AskedAt)), w.Weeks);

    /// <summary>Live at the window's end and not published, revised or reviewed within its review interval.</summary>
    public static int StaleArticles(IEnumerable<ArticleRow> articles, MetricWindow w) =>
        articles.Count(a => a.PublishedAt < w.AsOf && (a.DeletedAt is null || a.DeletedAt >= w.AsOf)
                            && a.ReviewIntervalDays > 0 && a.LastReviewedAt?.AddDays(a.ReviewIntervalDays) < w.AsOf);

    public static int ArticlesPublished(IEnumerable<ArticleRow> articles, MetricWindow w) => articles.Count(a => w.Contains(a.PublishedAt));
}
