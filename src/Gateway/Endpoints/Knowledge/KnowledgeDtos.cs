using MarketingDev.Gateway.OpenApi;
using Proto = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.Gateway.Endpoints.Knowledge;

public sealed record TechStackDto(string Component, [WireEnum(typeof(Proto.TechCategory))] string Category, string Version = "", string Vendor = "", string Owner = "");

public sealed record RateLimitDto(int Limit, int WindowSeconds);

public sealed record ApiEndpointDto(string Method, string Path, string Summary = "");

public sealed record ApiDocDto(string System, string BaseUrl, [WireEnum(typeof(Proto.ApiAuth))] string Auth, RateLimitDto? RateLimit = null, IReadOnlyList<ApiEndpointDto>? Endpoints = null);

public sealed record SchemaFieldDto(string Name, string Type, [WireEnum(typeof(Proto.FieldAccess))] string Access, string Source = "", bool Pii = false);

public sealed record DataSchemaDto(string Entity, IReadOnlyList<SchemaFieldDto> Fields);

public sealed record GlossaryDto(string Term, string PlainExplanation, [WireEnum(typeof(Proto.GlossarySide))] string Side, IReadOnlyList<string>? Aliases = null);

/// <summary>
/// An article as an author writes it. kind: techStack|apiDoc|dataSchema|procedure|pitfall|faq|glossary; exactly the
/// structured object of the kind (techStack, apiDoc, dataSchema, glossary) may be present, appliesTo only for
/// procedure, pitfall and faq. changeSummary is read by PUT only.
/// </summary>
public sealed record ArticleBody(
    [WireEnum(typeof(Proto.ArticleKind))] string Kind,
    string Title,
    string Body = "",
    IReadOnlyList<string>? Tags = null,
    string? OwnerTeam = null,
    int? ReviewIntervalDays = null,
    TechStackDto? TechStack = null,
    ApiDocDto? ApiDoc = null,
    DataSchemaDto? DataSchema = null,
    GlossaryDto? Glossary = null,
    IReadOnlyList<string>? AppliesTo = null,
    string? ChangeSummary = null);

public sealed record PersonView(string Id, string Name);

/// <summary>An article with its body rendered to safe HTML; its ETag is its version (changes with each revision and review).</summary>
public sealed record ArticleView(
    Guid Id,
    [WireEnum(typeof(Proto.ArticleKind))] string Kind,
    string Title,
    string Body,
    string BodyHtml,
    IReadOnlyList<string> Tags,
    string? OwnerTeam,
    int ReviewIntervalDays,
    TechStackDto? TechStack,
    ApiDocDto? ApiDoc,
    DataSchemaDto? DataSchema,
    GlossaryDto? Glossary,
    IReadOnlyList<string> AppliesTo,
    int Revision,
    int Version,
    DateTimeOffset CreatedAt,
    PersonView CreatedBy,
    DateTimeOffset UpdatedAt,
    PersonView UpdatedBy,
    DateTimeOffset LastReviewedAt,
    PersonView LastReviewedBy,
    DateTimeOffset ReviewDueAt,
    bool Stale);

public sealed record ArticleSummaryView(
    Guid Id, [WireEnum(typeof(Proto.ArticleKind))] string Kind, string Title, IReadOnlyList<string> Tags, string? OwnerTeam, int Revision, DateTimeOffset UpdatedAt,
    DateTimeOffset LastReviewedAt, DateTimeOffset ReviewDueAt, bool Stale);

public sealed record RevisionView(Guid ArticleId, int Number, PersonView Author, string ChangeSummary, DateTimeOffset CreatedAt, ArticleBody Content);

public sealed record DiffLineView([WireEnum(typeof(Proto.DiffLineType))] string Type, string Text, int? OldLine, int? NewLine);

public sealed record DiffView(Guid ArticleId, int From, int To, int Added, int Removed, IReadOnlyList<DiffLineView> Lines);

public sealed record TechStackRowView(
    Guid ArticleId, string Component, [WireEnum(typeof(Proto.TechCategory))] string Category, string Version, string Vendor, string Owner, DateTimeOffset LastReviewedAt, bool Stale);

public sealed record SearchHitView(Guid Id, [WireEnum(typeof(Proto.ArticleKind))] string Kind, string Title, IReadOnlyList<string> Tags, string Snippet, double Rank);

public sealed record GapRef(Guid Id, string Query, int Occurrences);

/// <summary>Hits best first; when nothing matched, the knowledge gap the miss was counted in and titles close to the query.</summary>
public sealed record SearchView(string Query, IReadOnlyList<SearchHitView> Items, GapRef? Gap, IReadOnlyList<string> DidYouMean);

public sealed record GapView(
    Guid Id, string Query, int Occurrences, [WireEnum(typeof(Proto.GapStatus))] string Status, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? ClosedAt,
    Guid? ClosedByArticleId, string? ClosedHow);

public sealed record ResolveGapBody(Guid ArticleId);

public sealed record QuestionBody(string Text);

public sealed record AnswerQuestionBody(string Answer, bool PromoteToFaq = false);

public sealed record QuestionView(
    Guid Id, string Text, PersonView AskedBy, DateTimeOffset AskedAt, [WireEnum(typeof(Proto.QuestionStatus))] string Status, string? Answer, PersonView? AnsweredBy,
    DateTimeOffset? AnsweredAt, Guid? FaqArticleId, IReadOnlyList<Guid> SuggestedArticleIds);

public sealed record AskedView(QuestionView Question, IReadOnlyList<SearchHitView> Suggestions);

public sealed record AnnotateBody(string Text);

public sealed record AnnotationView(Guid ArticleId, string Term, [WireEnum(typeof(Proto.GlossarySide))] string Side, string PlainExplanation, IReadOnlyList<string> Matches, int Occurrences);

public sealed record AnnotationsView(IReadOnlyList<AnnotationView> Items);
