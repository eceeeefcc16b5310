using System.Net;
using System.Text;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Domain;
using Npgsql;
using NpgsqlTypes;

namespace MarketingDev.KnowledgeBase.Features.Search;

public sealed record SearchHit(Guid Id, ArticleKind Kind, string Title, IReadOnlyList<string> Tags, string Snippet, double Rank);

/// <summary>
/// The full-text queries over the stored, weighted search vector (GIN index). Keywords go through
/// websearch_to_tsquery, which accepts any text without a syntax error; prose (questions, request texts) becomes an
/// OR of its words. Ranking is ts_rank; snippets come from ts_headline, computed only for the rows returned.
/// </summary>
public static class ArticleSearch
{
    // Private-use characters mark the highlights so the rest of the snippet can be HTML-encoded safely.
    private const char Open = '\uE000';
    private const char Close = '\uE001';
    private const string HeadlineOptions = "StartSel=\uE000, StopSel=\uE001, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    public enum Mode { Keywords, AnyWord }

    private static string SearchSql(string tsquery) => $"""
        WITH q AS (SELECT {tsquery} AS q),
        hits AS (
            SELECT a.id, a.kind, a.title, a.tags, a.body, a.seq, ts_rank(a.search_vector, q.q) AS rank
            FROM articles a, q
            WHERE a.search_vector @@ q.q
              AND (@kind IS NULL OR a.kind = @kind)
              AND (@tag IS NULL OR a.tags @> ARRAY[@tag]::text[])
            ORDER BY rank DESC, a.seq DESC
            LIMIT @limit)
        SELECT h.id, h.kind, h.title, h.tags, h.rank,
               CASE WHEN @snippets THEN ts_headline('english', h.body, q.q, @options) ELSE '' END
        FROM hits h, q
        ORDER BY h.rank DESC, h.seq DESC
        """;

    private static readonly string KeywordSql = SearchSql("websearch_to_tsquery('english', @query)");
    private static readonly string AnyWordSql = SearchSql("to_tsquery('english', @query)");

    public static Task<List<SearchHit>> RunAsync(
        KnowledgeDbContext db, Mode mode, string query, ArticleKind? kind, string? tag, int limit, bool snippets, CancellationToken ct)
    {
        if (query.Length == 0)
        {
            return Task.FromResult(new List<SearchHit>());
        }

        return Sql.QueryAsync(db, mode == Mode.Keywords ? KeywordSql : AnyWordSql,
            [
                Sql.Text("query", query),
                Sql.Text("kind", kind?.ToString()),
                Sql.Text("tag", tag),
                new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit },
                new NpgsqlParameter("snippets", NpgsqlDbType.Boolean) { Value = snippets },
                Sql.Text("options", HeadlineOptions),
            ],
            r => new SearchHit(
                r.GetGuid(0),
                Enum.Parse<ArticleKind>(r.GetString(1)),
                r.GetString(2),
                r.GetFieldValue<string[]>(3),
                SafeSnippet(r.GetString(5)),
                r.GetFloat(4)),
            ct);
    }

    /// <summary>Titles close to the query (trigram word similarity) for a "did you mean" when nothing matched.</summary>
    public static Task<List<string>> SuggestAsync(KnowledgeDbContext db, string query, CancellationToken ct) =>
        Sql.QueryAsync(db, """
            SELECT title FROM (
                SELECT DISTINCT ON (lower(title)) title, word_similarity(@query, title) AS similarity
                FROM articles WHERE @query <% title
                ORDER BY lower(title), similarity DESC) t
            ORDER BY similarity DESC, title LIMIT 3
            """, [Sql.Text("query", query)], r => r.GetString(0), ct);

    /// <summary>True when the query keeps at least one lexeme once stop words and syntax are gone.</summary>
    public static async Task<bool> HasLexemesAsync(KnowledgeDbContext db, string query, CancellationToken ct) =>
        (await Sql.QueryAsync(db, "SELECT numnode(websearch_to_tsquery('english', @query))", [Sql.Text("query", query)], r => r.GetInt32(0), ct))[0] > 0;

    /// <summary>The article's own text HTML-encoded, the highlights as &lt;mark&gt;.</summary>
    internal static string SafeSnippet(string headline)
    {
        var html = new StringBuilder(headline.Length + 32);
        var start = 0;
        for (var i = 0; i <= headline.Length; i++)
        {
            if (i < headline.Length && headline[i] is not (Open or Close))
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(headline[start..i]));
            if (i < headline.Length)
            {
                html.Append(headline[i] == Open ? "<mark>" : "</mark>");
            }

            start = i + 1;
        }

        return html.ToString();
    }
}
