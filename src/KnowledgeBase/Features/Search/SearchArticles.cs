using FluentValidation;
using MarketingDev.Contracts.Events.KnowledgeBase;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace MarketingDev.KnowledgeBase.Features.Search;

public sealed record SearchArticles(string Query, ArticleKind? Kind, string? Tag, int? Limit);

public sealed record SearchOutcome(IReadOnlyList<SearchHit> Hits, KnowledgeGap? Gap, IReadOnlyList<string> DidYouMean);

public sealed class SearchArticlesValidator : AbstractValidator<SearchArticles>
{
    public const int QueryMax = 200;

    public SearchArticlesValidator()
    {
        RuleFor(s => s.Query).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("A query is required.").OverridePropertyName("q");
        RuleFor(s => s.Query).MaximumLength(QueryMax).WithMessage($"A query has at most {QueryMax} characters.").OverridePropertyName("q");
        RuleFor(s => s.Query).Must(ArticleInputValidator.NoNul).WithMessage(ArticleInputValidator.NulMessage).OverridePropertyName("q");
        RuleFor(s => s.Tag).MaximumLength(200).Must(ArticleInputValidator.NoNul).WithMessage(ArticleInputValidator.NulMessage);
        RuleFor(s => s.Limit).InclusiveBetween(1, 50);
    }
}

/// <summary>
/// Ranked full-text search. A search that finds nothing (and has searchable words) records or bumps the gap of its
/// normalised query — the only search that writes, and only the first miss of a query in a while (GapTally counts the
/// rest in memory) — and suggests close titles. Every search is counted in memory; results and a miss's suggestions
/// come from <see cref="SearchCache"/> when recent.
/// </summary>
public sealed class SearchArticlesHandler(
    KnowledgeDbContext db, IValidator<SearchArticles> validator, SearchCounter counter, SearchCache cache, GapTally gaps, OutboxSignal signal,
    TimeProvider clock)
{
    private const string UpsertGapSql = """
        INSERT INTO knowledge_gaps AS g (id, normalized_query, query, occurrences, status, first_seen_at, last_seen_at)
        VALUES (@id, @normalized, @query, 1, 'Open', @now, @now)
        ON CONFLICT (normalized_query) WHERE status = 'Open'
        DO UPDATE SET occurrences = g.occurrences + 1, last_seen_at = EXCLUDED.last_seen_at
        RETURNING g.id, g.occurrences, (g.xmax = 0) AS inserted
        """;

    /// <summary>What a miss answers besides its gap; HasLexemes is false when stop words and syntax leave nothing to search.</summary>
    private sealed record MissInfo(bool HasLexemes, IReadOnlyList<string> DidYouMean);

    public async Task<SearchOutcome> HandleAsync(SearchArticles query, CancellationToken ct)
    {
        await validator.ValidateOrThrowAsync(query, ct);
        var text = query.Query.Trim();
        var tag = string.IsNullOrWhiteSpace(query.Tag) ? null : query.Tag.Trim().ToLowerInvariant();
        var limit = query.Limit ?? 10;
        var key = cache.Key(text, query.Kind?.ToString(), tag, limit);
        if (!cache.TryGet(key, out List<SearchHit> hits))
        {
            hits = await ArticleSearch.RunAsync(db, ArticleSearch.Mode.Keywords, text, query.Kind, tag, limit, snippets: true, ct);
            cache.Set(key, hits);
        }

        counter.Record(hits.Count > 0);
        if (hits.Count > 0)
        {
            return new SearchOutcome(hits, null, []);
        }

        var normalized = QueryNormalizer.Normalize(query.Query);
        var missKey = cache.MissKey(text);
        if (!cache.TryGet(missKey, out MissInfo miss))
        {
            miss = new MissInfo(normalized.Length > 0 && await ArticleSearch.HasLexemesAsync(db, normalized, ct), await ArticleSearch.SuggestAsync(db, text, ct));
            cache.Set(missKey, miss);
        }

        // A filtered search that misses says nothing about the knowledge base as a whole, and stop words alone ask nothing.
        if (query.Kind is not null || tag is not null || !miss.HasLexemes)
        {
            return new SearchOutcome([], null, miss.DidYouMean);
        }

        var gap = (cache.Enabled ? gaps.TryCount(normalized, clock.GetStoredUtcNow()) : null) ?? await RecordGapAsync(normalized, text, ct);
        return new SearchOutcome([], gap, miss.DidYouMean);
    }

    private async Task<KnowledgeGap> RecordGapAsync(string normalized, string rawQuery, CancellationToken ct)
    {
        var now = clock.GetStoredUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = (await Sql.QueryAsync(db, UpsertGapSql,
            [
                Sql.P("id", Guid.CreateVersion7(now)),
                Sql.Text("normalized", normalized),
                Sql.Text("query", rawQuery),
                new Npgsql.NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now },
            ],
            r => (Id: r.GetGuid(0), Occurrences: r.GetInt32(1), Inserted: r.GetBoolean(2)), ct))[0];
        if (row.Inserted)
        {
            db.Publish(new KnowledgeGapRecorded(Guid.CreateVersion7(now), now, row.Id, rawQuery, row.Occurrences));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        if (row.Inserted)
        {
            signal.Notify();
        }

        var gap = await db.KnowledgeGaps.AsNoTracking().SingleOrDefaultAsync(g => g.Id == row.Id, ct) ?? throw new NotFoundException("Gap", row.Id.ToString());
        return cache.Enabled ? gaps.Remember(gap, cache.Lifetime) : gap;
    }
}
