using System.Text;
using MarketingDev.Gateway.Auth;
using MarketingDev.Gateway.Http;
using MarketingDev.Gateway.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Empty = Google.Protobuf.WellKnownTypes.Empty;
using Proto = MarketingDev.Contracts.Grpc.Knowledge;
using GrpcRequests = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Gateway.Endpoints.Knowledge;

/// <summary>
/// The knowledge base under /api/v1/kb, plus the two views of it from a request (/api/v1/requests/{id}/related-articles
/// and /glossary). Anyone reads, searches and asks; developers, leads and admins write and answer; admins delete.
/// </summary>
internal static class KnowledgeEndpoints
{
    public static void MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var kb = app.MapGroup("/api/v1/kb").WithTags("Knowledge base");

        kb.MapPost("/articles", PublishAsync).WithName("PublishArticle").RequireAuthorization(Policies.KnowledgeWriter)
            .WithMetadata(new IdempotentAttribute())
            .WithSummary("Publish an article (developers, leads, admins) as revision 1; 201 with Location and ETag. Structured data must fit the kind.")
            .Produces<ArticleView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        kb.MapGet("/articles/{id:guid}", GetAsync).WithName("GetArticle")
            .WithSummary("An article with its body rendered to safe HTML; ETag = its version, If-None-Match → 304.")
            .Produces<ArticleView>().Produces(304).ProducesProblem(401).ProducesProblem(404);
        kb.MapPut("/articles/{id:guid}", UpdateAsync).WithName("UpdateArticle").RequireAuthorization(Policies.KnowledgeWriter).Conditional()
            .WithSummary("Replace an article's content as its next numbered revision (changeSummary says why). If-Match: 412 when stale.")
            .Produces<ArticleView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(412);
        kb.MapDelete("/articles/{id:guid}", DeleteAsync).WithName("DeleteArticle").RequireAuthorization(Policies.Admin).Conditional()
            .WithSummary("Delete an article and its revisions (admins). If-Match: 412 when stale.")
            .Produces(204).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(412);
        kb.MapGet("/articles", ListAsync).WithName("ListArticles")
            .WithSummary("Articles, newest first, a page at a time (limit 1-100, default 25; pass nextCursor back as cursor). " +
                         "Filters: kind, tag, ownerTeam, stale=true (past the review interval).")
            .Produces<Page<ArticleSummaryView>>().ProducesValidationProblem().ProducesProblem(401);
        kb.MapPost("/articles/{id:guid}/review", ReviewAsync).WithName("ReviewArticle").RequireAuthorization(Policies.KnowledgeWriter).Conditional()
            .WithSummary("Confirm the article is still true: its review clock restarts (no new revision). If-Match: 412 when stale.")
            .Produces<ArticleView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(412);
        kb.MapGet("/articles/{id:guid}/revisions", RevisionsAsync).WithName("ListArticleRevisions")
            .WithSummary("Every revision, oldest first, with author and change summary.")
            .Produces<List<RevisionView>>().ProducesProblem(401).ProducesProblem(404);
        kb.MapGet("/articles/{id:guid}/revisions/{number:int}", RevisionAsync).WithName("GetArticleRevision")
            .WithSummary("One revision's full content.").Produces<RevisionView>().ProducesProblem(401).ProducesProblem(404);
        kb.MapGet("/articles/{id:guid}/diff", DiffAsync).WithName("DiffArticleRevisions")
            .WithSummary("A line diff between two revisions: ?from=1&to=2 (lines added, removed, unchanged, with line numbers).")
            .Produces<DiffView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404);
        kb.MapGet("/stale", StaleAsync).WithName("ListStaleArticles")
            .WithSummary("Articles past their review interval (90 days for techStack and apiDoc, 180 otherwise), the longest unreviewed first, " +
                         "a page at a time (limit 1-100, default 25; pass nextCursor back as cursor).")
            .Produces<Page<ArticleSummaryView>>().ProducesValidationProblem().ProducesProblem(401);
        kb.MapGet("/tech-stack", TechStackAsync).WithName("GetTechStack")
            .WithSummary("The current tech stack as one table: component, category, version, vendor, owner, last reviewed.")
            .Produces<List<TechStackRowView>>().ProducesProblem(401);

        kb.MapGet("/search", SearchAsync).WithName("SearchArticles")
            .WithSummary("Full-text search (web-search syntax: words, \"phrases\", or, -not), ranked title > structured fields and glossary > body, " +
                         "with highlighted snippets. q: 1-200 characters. A miss returns the knowledge gap it was counted in, and titles close to q.")
            .Produces<SearchView>().ProducesValidationProblem().ProducesProblem(401);
        kb.MapGet("/gaps", GapsAsync).WithName("ListKnowledgeGaps")
            .WithSummary("Knowledge gaps (searches that found nothing, by normalised query), the most searched first: ?status=open|closed, limit.")
            .Produces<List<GapView>>().ProducesValidationProblem().ProducesProblem(401);
        kb.MapPost("/gaps/{id:guid}/resolve", ResolveGapAsync).WithName("ResolveKnowledgeGap").RequireAuthorization(Policies.KnowledgeWriter)
            .WithSummary("Close a gap by pointing at the article that answers it: { articleId } (developers, leads, admins).")
            .Produces<GapView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        kb.MapPost("/questions", AskAsync).WithName("AskQuestion").WithMetadata(new IdempotentAttribute())
            .WithSummary("Ask the knowledge base (anyone): { text }. The answer starts with the best matching articles.")
            .Produces<AskedView>(201).ProducesValidationProblem().ProducesProblem(401);
        kb.MapPost("/questions/{id:guid}/answer", AnswerAsync).WithName("AnswerQuestion").RequireAuthorization(Policies.KnowledgeWriter)
            .WithSummary("Answer a question once: { answer, promoteToFaq } (developers, leads, admins); promoting publishes a faq article.")
            .Produces<QuestionView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        kb.MapGet("/questions", QuestionsAsync).WithName("ListQuestions")
            .WithSummary("Questions, newest first: ?status=open|answered, cursor pagination.")
            .Produces<Page<QuestionView>>().ProducesValidationProblem().ProducesProblem(401);

        kb.MapPost("/glossary/annotate", AnnotateAsync).WithName("AnnotateText")
            .WithSummary("The glossary terms and aliases found in a text (whole words, any case), with their plain explanations: { text }, up to 100,000 characters.")
            .Produces<AnnotationsView>().ProducesValidationProblem().ProducesProblem(401);

        var requests = app.MapGroup("/api/v1/requests").WithTags("Knowledge base");
        requests.MapGet("/{id:guid}/related-articles", RelatedAsync).WithName("GetRelatedArticles")
            .WithSummary("The articles worth reading before working on a request, matched when it was submitted (pitfalls and API docs first).")
            .Produces<List<ArticleSummaryView>>().ProducesProblem(401).ProducesProblem(404);
        requests.MapGet("/{id:guid}/glossary", RequestGlossaryAsync).WithName("GetRequestGlossary")
            .WithSummary("The glossary terms found in a request's title, user story, acceptance criteria, marketing context and tracking plan.")
            .Produces<AnnotationsView>().ProducesProblem(401).ProducesProblem(404);
    }

    private static Ok<ArticleView> WithETag(Proto.Article article, HttpContext http)
    {
        http.Response.Headers.ETag = ETags.For(article.Version);
        return TypedResults.Ok(article.ToView());
    }

    private static async Task<Created<ArticleView>> PublishAsync(ArticleBody body, Proto.KnowledgeBase.KnowledgeBaseClient kb, HttpContext http, CancellationToken ct)
    {
        var article = await kb.PublishArticleAsync(new Proto.PublishArticleCommand { Content = body.ToProto() }, cancellationToken: ct);
        http.Response.Headers.ETag = ETags.For(article.Version);
        return TypedResults.Created($"/api/v1/kb/articles/{article.Id}", article.ToView());
    }

    private static async Task<Results<Ok<ArticleView>, StatusCodeHttpResult>> GetAsync(
        Guid id, Proto.KnowledgeBase.KnowledgeBaseClient kb, HttpContext http, CancellationToken ct)
    {
        var article = await kb.GetArticleAsync(new Proto.ArticleRef { Id = id.ToString() }, cancellationToken: ct);
        if (ETags.NotModified(http.Request, article.Version))
        {
            http.Response.Headers.ETag = ETags.For(article.Version);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return WithETag(article, http);
    }

    private static async Task<Ok<ArticleView>> UpdateAsync(Guid id, ArticleBody body, Proto.KnowledgeBase.KnowledgeBaseClient kb, HttpContext http, CancellationToken ct) =>
        WithETag(await kb.UpdateArticleAsync(new Proto.UpdateArticleCommand
        {
            Id = id.ToString(), Content = body.ToProto(), ChangeSummary = body.ChangeSummary ?? "", ExpectedVersion = ETags.ExpectedVersion(http.Request) ?? 0,
        }, cancellationToken: ct), http);

    private static async Task<NoContent> DeleteAsync(Guid id, Proto.KnowledgeBase.KnowledgeBaseClient kb, HttpContext http, CancellationToken ct)
    {
        await kb.DeleteArticleAsync(new Proto.DeleteArticleCommand { Id = id.ToString(), ExpectedVersion = ETags.ExpectedVersion(http.Request) ?? 0 },
            cancellationToken: ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Page<ArticleSummaryView>>> ListAsync(
        Proto.KnowledgeBase.KnowledgeBaseClient kb, HttpContext http, CancellationToken ct,
        [FromQuery] string? kind = null, [FromQuery] string? tag = null, [FromQuery] string? ownerTeam = null, [FromQuery] bool? stale = null,
        [FromQuery] int? limit = null, [FromQuery] string? cursor = null)
    {
        var query = new Proto.ListArticlesQuery
        {
            Kind = KnowledgeMapping.Filter<Proto.ArticleKind>(kind, "kind"), Tag = tag ?? "", OwnerTeam = ownerTeam ?? "", StaleOnly = stale ?? false,
            Cursor = cursor ?? "",
        };
        if (limit is { } size)
        {
            query.Limit = size;
        }

        var page = await kb.ListArticlesAsync(query, cancellationToken: ct);
        var next = page.NextCursor.Length == 0 ? null : page.NextCursor;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new Page<ArticleSummaryView>(page.Items.Select(a => a.ToSummary()).ToList(), next));
    }

    private static async Task<Ok<ArticleView>> ReviewAsync(Guid id, Proto.KnowledgeBase.KnowledgeBaseClient kb, HttpContext http, CancellationToken ct) =>
        WithETag(await kb.ReviewArticleAsync(new Proto.ReviewArticleCommand
        {
            Id = id.ToString(), ExpectedVersion = ETags.ExpectedVersion(http.Request) ?? 0,
        }, cancellationToken: ct), http);

    private static async Task<Ok<List<RevisionView>>> RevisionsAsync(Guid id, Proto.KnowledgeBase.KnowledgeBaseClient kb, CancellationToken ct) =>
        TypedResults.Ok((await kb.ListRevisionsAsync(new Proto.ArticleRef { Id = id.ToString() }, cancellationToken: ct)).Items.Select(r => r.ToView()).ToList());

    private static async Task<Ok<RevisionView>> RevisionAsync(Guid id, int number, Proto.KnowledgeBase.KnowledgeBaseClient kb, CancellationToken ct) =>
        TypedResults.Ok((await kb.GetRevisionAsync(new Proto.RevisionRef { ArticleId = id.ToString(), Number = number }, cancellationToken: ct)).ToView());

    private static async Task<Ok<DiffView>> DiffAsync(
        Guid id, Proto.KnowledgeBase.KnowledgeBaseClient kb, CancellationToken ct, [FromQuery] int? from = null, [FromQuery] int? to = null) =>
        TypedResults.Ok((await kb.DiffRevisionsAsync(new Proto.DiffRevisionsQuery { ArticleId = id.ToString(), From = from ?? 0, To = to ?? 0 },
            cancellationToken: ct)).ToView());

    private static async Task<Ok<Page<ArticleSummaryView>>> StaleAsync(
        Proto.KnowledgeBase.KnowledgeBaseClient kb, HttpContext http, CancellationToken ct, [FromQuery] int? limit = null, [FromQuery] string? cursor = null)
    {
        var query = new Proto.ListStaleQuery { Cursor = cursor ?? "" };
        if (limit is { } size)
        {
            query.Limit = size;
        }

        var page = await kb.ListStaleAsync(query, cancellationToken: ct);
        var next = page.NextCursor.Length == 0 ? null : page.NextCursor;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new Page<ArticleSummaryView>(page.Items.Select(a => a.ToSummary()).ToList(), next));
    }

    private static async Task<Ok<List<TechStackRowView>>> TechStackAsync(Proto.KnowledgeBase.KnowledgeBaseClient kb, CancellationToken ct) =>
        TypedResults.Ok((await kb.GetTechStackAsync(new Empty(), cancellationToken: ct)).Rows.Select(r => r.ToView()).ToList());

    private static async Task<Ok<SearchView>> SearchAsync(
        Proto.KnowledgeBase.KnowledgeBaseClient kb, CancellationToken ct,
        [FromQuery] string? q = null, [FromQuery] string? kind = null, [FromQuery] string? tag = null, [FromQuery] int? limit = null)
    {
        var query = new Proto.SearchQuery { Q = q ?? "", Kind = KnowledgeMapping.Filter<Proto.ArticleKind>(kind, "kind"), Tag = tag ?? "" };
        if (limit is { } size)
        {
            query.Limit = size;
        }

        var result = await kb.SearchAsync(query, cancellationToken: ct);
        return TypedResults.Ok(new SearchView(q ?? "", result.Items.Select(h => h.ToView()).ToList(),
            result.Gap is { } gap ? new GapRef(Guid.Parse(gap.Id), gap.Query, gap.Occurrences) : null, result.DidYouMean.ToList()));
    }

    private static async Task<Ok<List<GapView>>> GapsAsync(
        Proto.KnowledgeBase.KnowledgeBaseClient kb, CancellationToken ct, [FromQuery] string? status = null, [FromQuery] int? limit = null)
    {
        var query = new Proto.ListGapsQuery { Status = KnowledgeMapping.Filter<Proto.GapStatus>(status, "status") };
        if (limit is { } size)
        {
            query.Limit = size;
        }

        return TypedResults.Ok((await kb.ListGapsAsync(query, cancellationToken: ct)).Items.Select(g => g.ToView()).ToList());
    }

    private static async Task<Ok<GapView>> ResolveGapAsync(Guid id, ResolveGapBody body, Proto.KnowledgeBase.KnowledgeBaseClient kb, CancellationToken ct) =>
        TypedResults.Ok((await kb.ResolveGapAsync(new Proto.ResolveGapCommand { Id = id.ToString(), ArticleId = body.ArticleId.ToString() }, cancellationToken: ct)).ToView());

    private static async Task<Created<AskedView>> AskAsync(QuestionBody body, Proto.KnowledgeBase.KnowledgeBaseClient kb, CancellationToken ct)
    {
        var reply = await kb.AskQuestionAsync(new Proto.AskQuestionCommand { Text = body.Text }, cancellationToken: ct);
        return TypedResults.Created($"/api/v1/kb/questions?status=open",
            new AskedView(reply.Question.ToView(), reply.Suggestions.Select(s => s.ToView()).ToList()));
    }

    private static async Task<Ok<QuestionView>> AnswerAsync(Guid id, AnswerQuestionBody body, Proto.KnowledgeBase.KnowledgeBaseClient kb, CancellationToken ct) =>
        TypedResults.Ok((await kb.AnswerQuestionAsync(new Proto.AnswerQuestionCommand
        {
            Id = id.ToString(), Answer = body.Answer, PromoteToFaq = body.PromoteToFaq,
        }, cancellationToken: ct)).Question.ToView());

    private static async Task<Ok<Page<QuestionView>>> QuestionsAsync(
        Proto.KnowledgeBase.KnowledgeBaseClient kb, HttpContext http, CancellationToken ct,
        [FromQuery] string? status = null, [FromQuery] int? limit = null, [FromQuery] string? cursor = null)
    {
        var query = new Proto.ListQuestionsQuery { Status = KnowledgeMapping.Filter<Proto.QuestionStatus>(status, "status"), Cursor = cursor ?? "" };
        if (limit is { } size)
        {
            query.Limit = size;
        }

        var page = await kb.ListQuestionsAsync(query, cancellationToken: ct);
        var next = page.NextCursor.Length == 0 ? null : page.NextCursor;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new Page<QuestionView>(page.Items.Select(q => q.ToView()).ToList(), next));
    }

    private static async Task<Ok<AnnotationsView>> AnnotateAsync(AnnotateBody body, Proto.KnowledgeBase.KnowledgeBaseClient kb, CancellationToken ct) =>
        TypedResults.Ok((await kb.AnnotateAsync(new Proto.AnnotateQuery { Text = body.Text }, cancellationToken: ct)).ToView());

    private static async Task<Ok<List<ArticleSummaryView>>> RelatedAsync(
        Guid id, Proto.KnowledgeBase.KnowledgeBaseClient kb, GrpcRequests.Requests.RequestsClient requests, CancellationToken ct)
    {
        // 404 for a request that does not exist; an unsubmitted one simply has no related articles yet.
        await requests.GetRequestAsync(new GrpcRequests.GetRequestQuery { Id = id.ToString() }, cancellationToken: ct);
        var related = await kb.GetRelatedArticlesAsync(new Proto.RelatedArticlesQuery { RequestId = id.ToString() }, cancellationToken: ct);
        return TypedResults.Ok(related.Items.Select(a => a.ToSummary()).ToList());
    }

    private static async Task<Ok<AnnotationsView>> RequestGlossaryAsync(
        Guid id, Proto.KnowledgeBase.KnowledgeBaseClient kb, GrpcRequests.Requests.RequestsClient requests, CancellationToken ct)
    {
        var request = (await requests.GetRequestAsync(new GrpcRequests.GetRequestQuery { Id = id.ToString() }, cancellationToken: ct)).Request;
        return TypedResults.Ok((await kb.AnnotateAsync(new Proto.AnnotateQuery { Text = TextOf(request.Content) }, cancellationToken: ct)).ToView());
    }

    /// <summary>Everything a reader of the request reads, one part per line (so no term is made up across two fields).</summary>
    internal static string TextOf(GrpcRequests.RequestContent? c)
    {
        if (c is null)
        {
            return "";
        }

        var text = new StringBuilder();
        void Line(string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                text.Append(value).Append('\n');
            }
        }

        Line(c.Title);
        Line(c.UserStory?.AsA);
        Line(c.UserStory?.IWant);
        Line(c.UserStory?.SoThat);
        foreach (var criterion in c.AcceptanceCriteria)
        {
            Line(criterion.Text);
        }

        Line(c.MarketingContext?.CampaignGoal);
        Line(c.MarketingContext?.Audience);
        Line(c.MarketingContext?.BusinessImpact);
        Line(c.MarketingContext?.Kpi?.Name);
        foreach (var tracking in c.TrackingRequirements)
        {
            Line(tracking.EventName);
            Line(tracking.Trigger);
            foreach (var parameter in tracking.Parameters)
            {
                Line(parameter.Name);
                Line(parameter.Description);
            }
        }

        return text.ToString();
    }
}
