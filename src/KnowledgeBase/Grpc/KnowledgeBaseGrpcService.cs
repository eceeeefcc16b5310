using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MarketingDev.Contracts.Grpc.Knowledge;
using MarketingDev.KnowledgeBase.Features.Articles;
using Proto = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.KnowledgeBase.Grpc;

public sealed class KnowledgeBaseGrpcService(IServiceProvider services) : Proto.KnowledgeBase.KnowledgeBaseBase
{
    public override async Task<ArticleReply> PublishArticle(PublishArticleCommand command, ServerCallContext context)
    {
        var article = await services.GetRequiredService<PublishArticleHandler>().HandleAsync(
            new PublishArticle(command.Title, command.Category, command.BodyMarkdown, command.Author), context.CancellationToken);
        return new ArticleReply { Article = ToProto(article) };
    }

    public override async Task<ArticleReply> GetArticle(GetArticleQuery query, ServerCallContext context)
    {
        var article = await services.GetRequiredService<GetArticleHandler>().HandleAsync(query.Id, context.CancellationToken);
        return new ArticleReply { Article = ToProto(article) };
    }

    private static Article ToProto(Domain.Article a) => new()
    {
        Id = a.Id.ToString(),
        Title = a.Title,
        Category = a.Category,
        BodyMarkdown = a.BodyMarkdown,
        Author = a.Author,
        Revision = a.Revision,
        PublishedAt = Timestamp.FromDateTimeOffset(a.PublishedAt),
    };
}
