using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MarketingDev.KnowledgeBase.Domain;
using MarketingDev.KnowledgeBase.Features.Articles;
using MarketingDev.KnowledgeBase.Features.Glossary;
using MarketingDev.KnowledgeBase.Features.Questions;
using MarketingDev.KnowledgeBase.Features.Related;
using MarketingDev.KnowledgeBase.Features.Search;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Identity;
using Proto = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.KnowledgeBase.Grpc;

/// <summary>Thin: proto → command (the actor from the call's service token), call the handler, map back.</summary>
public sealed class KnowledgeBaseGrpcService(
    PublishArticleHandler publish,
    UpdateArticleHandler update,
    GetArticleHandler get,
    ListArticlesHandler list,
    DeleteArticleHandler delete,
    ReviewArticleHandler review,
    ListRevisionsHandler revisions,
    GetRevisionHandler revision,
    DiffRevisionsHandler diff,
    ListStaleHandler stale,
    GetTechStackHandler techStack,
    SearchArticlesHandler search,
    ListGapsHandler gaps,
    ResolveGapHandler resolveGap,
    AskQuestionHandler ask,
    AnswerQuestionHandler answer,
    ListQuestionsHandler questions,
    AnnotateTextHandler annotate,
    GetRelatedArticlesHandler related,
    TimeProvider clock) : Proto.KnowledgeBase.KnowledgeBaseBase
{
    private DateTimeOffset Now => clock.GetStoredUtcNow();

    public override async Task<Proto.Article> PublishArticle(Proto.PublishArticleCommand command, ServerCallContext context) =>
        (await publish.HandleAsync(new PublishArticle(command.Content.ToInput(), context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken)).ToProto(Now);

    public override async Task<Proto.Article> UpdateArticle(Proto.UpdateArticleCommand command, ServerCallContext context) =>
        (await update.HandleAsync(new UpdateArticle(command.Id, command.Content.ToInput(), command.ChangeSummary, context.GetActor(), command.ExpectedVersion),
            context.CancellationToken)).ToProto(Now);

    public override async Task<Proto.Article> GetArticle(Proto.ArticleRef query, ServerCallContext context) =>
        (await get.HandleAsync(query.Id, context.CancellationToken)).ToProto(Now);

    public override async Task<Proto.ArticlePage> ListArticles(Proto.ListArticlesQuery query, ServerCallContext context)
    {
        var (items, next) = await list.HandleAsync(new ListArticles(query.HasLimit ? query.Limit : null, query.Cursor, query.Kind.ToDomain<ArticleKind>(),
            query.Tag, query.OwnerTeam, query.StaleOnly), context.CancellationToken);
        var now = Now;
        var page = new Proto.ArticlePage { NextCursor = next ?? "" };
        page.Items.AddRange(items.Select(a => a.ToProto(now)));
        return page;
    }

    public override async Task<Empty> DeleteArticle(Proto.DeleteArticleCommand command, ServerCallContext context)
    {
        await delete.HandleAsync(new DeleteArticle(command.Id, context.GetActor(), command.ExpectedVersion), context.CancellationToken);
        return new Empty();
    }

    public override async Task<Proto.Article> ReviewArticle(Proto.ReviewArticleCommand command, ServerCallContext context) =>
        (await review.HandleAsync(new ReviewArticle(command.Id, context.GetActor(), command.ExpectedVersion), context.CancellationToken)).ToProto(Now);

    public override async Task<Proto.RevisionList> ListRevisions(Proto.ArticleRef query, ServerCallContext context)
    {
        var reply = new Proto.RevisionList();
        reply.Items.AddRange((await revisions.HandleAsync(query.Id, context.CancellationToken)).Select(r => r.ToProto()));
        return reply;
    }

    public override async Task<Proto.Revision> GetRevision(Proto.RevisionRef query, ServerCallContext context) =>
        (await revision.HandleAsync(query.ArticleId, query.Number, context.CancellationToken)).ToProto();

    public override async Task<Proto.RevisionDiff> DiffRevisions(Proto.DiffRevisionsQuery query, ServerCallContext context) =>
        (await diff.HandleAsync(new DiffRevisions(query.ArticleId, query.From, query.To), context.CancellationToken)).ToProto(query.ArticleId, query.From, query.To);

    public override async Task<Proto.ArticlePage> ListStale(Proto.ListStaleQuery query, ServerCallContext context)
    {
        var now = Now;
        var (items, next) = await stale.HandleAsync(new ListStale(query.HasLimit ? query.Limit : null, query.Cursor), context.CancellationToken);
        var reply = new Proto.ArticlePage { NextCursor = next ?? "" };
        reply.Items.AddRange(items.Select(a => a.ToProto(now)));
        return reply;
    }

    public override async Task<Proto.TechStackTable> GetTechStack(Empty request, ServerCallContext context)
    {
        var table = new Proto.TechStackTable();
        table.Rows.AddRange((await techStack.HandleAsync(context.CancellationToken)).Select(r => r.ToProto()));
        return table;
    }

    public override async Task<Proto.SearchResult> Search(Proto.SearchQuery query, ServerCallContext context)
    {
        var outcome = await search.HandleAsync(new SearchArticles(query.Q, query.Kind.ToDomain<ArticleKind>(), query.Tag, query.HasLimit ? query.Limit : null),
            context.CancellationToken);
        var result = new Proto.SearchResult { Gap = outcome.Gap?.ToProto() };
        result.Items.AddRange(outcome.Hits.Select(h => h.ToProto()));
        result.DidYouMean.AddRange(outcome.DidYouMean);
        return result;
    }

    public override async Task<Proto.GapList> ListGaps(Proto.ListGapsQuery query, ServerCallContext context)
    {
        var reply = new Proto.GapList();
        reply.Items.AddRange((await gaps.HandleAsync(new ListGaps(query.Status.ToDomain<GapStatus>(), query.HasLimit ? query.Limit : null),
            context.CancellationToken)).Select(g => g.ToProto()));
        return reply;
    }

    public override async Task<Proto.Gap> ResolveGap(Proto.ResolveGapCommand command, ServerCallContext context) =>
        (await resolveGap.HandleAsync(new ResolveGap(command.Id, command.ArticleId, context.GetActor()), context.CancellationToken)).ToProto();

    public override async Task<Proto.QuestionReply> AskQuestion(Proto.AskQuestionCommand command, ServerCallContext context)
    {
        var (question, suggestions) = await ask.HandleAsync(new AskQuestion(command.Text, context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken);
        var reply = new Proto.QuestionReply { Question = question.ToProto() };
        reply.Suggestions.AddRange(suggestions.Select(s => s.ToProto()));
        return reply;
    }

    public override async Task<Proto.QuestionReply> AnswerQuestion(Proto.AnswerQuestionCommand command, ServerCallContext context) =>
        new() { Question = (await answer.HandleAsync(new AnswerQuestion(command.Id, command.Answer, command.PromoteToFaq, context.GetActor()), context.CancellationToken)).ToProto() };

    public override async Task<Proto.QuestionPage> ListQuestions(Proto.ListQuestionsQuery query, ServerCallContext context)
    {
        var (items, next) = await questions.HandleAsync(new ListQuestions(query.Status.ToDomain<QuestionStatus>(), query.HasLimit ? query.Limit : null, query.Cursor),
            context.CancellationToken);
        var page = new Proto.QuestionPage { NextCursor = next ?? "" };
        page.Items.AddRange(items.Select(q => q.ToProto()));
        return page;
    }

    public override async Task<Proto.Annotations> Annotate(Proto.AnnotateQuery query, ServerCallContext context)
    {
        var reply = new Proto.Annotations();
        reply.Items.AddRange((await annotate.HandleAsync(new AnnotateText(query.Text), context.CancellationToken)).Select(m => m.ToProto()));
        return reply;
    }

    public override async Task<Proto.ArticleList> GetRelatedArticles(Proto.RelatedArticlesQuery query, ServerCallContext context)
    {
        var now = Now;
        var reply = new Proto.ArticleList();
        reply.Items.AddRange((await related.HandleAsync(query.RequestId, context.CancellationToken)).Select(a => a.ToProto(now)));
        return reply;
    }
}
