using Grpc.Core;
using MarketingDev.Contracts;
using MarketingDev.KnowledgeBase.Data;
using MarketingDev.KnowledgeBase.Grpc;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using GrpcKnowledge = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.KnowledgeBase.Tests;

public sealed class ArticleTests : IAsyncLifetime
{
    private IsolatedResources? _resources;
    private ServiceHost<KnowledgeBaseGrpcService>? _host;
    private GrpcKnowledge.KnowledgeBase.KnowledgeBaseClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _resources = await IsolatedResources.CreateAsync(ServiceNames.KnowledgeDb);
        _host = new ServiceHost<KnowledgeBaseGrpcService>(_resources.Settings());
        _client = new GrpcKnowledge.KnowledgeBase.KnowledgeBaseClient(_host.CreateGrpcChannel());
    }

    public async ValueTask DisposeAsync()
    {
        await (_host?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_resources?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Fact]
    public async Task Publish_ThenGet_ReturnsRevisionOne_AndItsEventIsDispatched()
    {
        var published = await _client.PublishArticleAsync(new GrpcKnowledge.PublishArticleCommand
        {
            Title = "Tech stack overview", Category = "stack", BodyMarkdown = "# Stack\nNext.js 15, GA4, HubSpot.", Author = "dev-lead",
        });

        var read = await _client.GetArticleAsync(new GrpcKnowledge.GetArticleQuery { Id = published.Article.Id });

        Assert.Equal(published.Article, read.Article);
        Assert.Equal(1, read.Article.Revision);
        await Eventually.ReturnsAsync(async () =>
        {
            await using var scope = _host!.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
            return await db.OutboxMessages.AsNoTracking().CountAsync(m => m.DispatchedAt != null && m.MessageType.Contains("ArticlePublished"));
        }, n => n == 1, "the ArticlePublished event to be dispatched");
    }

    [Fact]
    public async Task Publish_WithoutTitle_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _client.PublishArticleAsync(
            new GrpcKnowledge.PublishArticleCommand { Category = "stack", BodyMarkdown = "x", Author = "dev" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownId_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.GetArticleAsync(new GrpcKnowledge.GetArticleQuery { Id = Guid.NewGuid().ToString() }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
