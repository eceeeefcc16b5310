using Grpc.Core;
using MarketingDev.TestSupport;
using Microsoft.EntityFrameworkCore;
using Proto = MarketingDev.Contracts.Grpc.Knowledge;

namespace MarketingDev.KnowledgeBase.Tests.Grpc;

public sealed class ArticleGrpcTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private readonly Proto.KnowledgeBase.KnowledgeBaseClient _admin = fixture.Grpc();

    [Fact]
    public async Task Publish_ThenRevise_KeepsNumberedRevisionsWithAuthors_AndDiffsThem()
    {
        var published = await fixture.Grpc(TestActors.Developer).PublishArticleAsync(new Proto.PublishArticleCommand
        {
            Content = ArticleContents.Procedure("Release a landing page", "Build it.\nTest it.\nShip it."),
        });
        var revised = await fixture.Grpc(TestActors.Lead).UpdateArticleAsync(new Proto.UpdateArticleCommand
        {
            Id = published.Id, Content = ArticleContents.Procedure("Release a landing page", "Build it.\nTest it on Safari too.\nShip it."),
            ChangeSummary = "Safari", ExpectedVersion = published.Version,
        });

        var revisions = await _admin.ListRevisionsAsync(new Proto.ArticleRef { Id = published.Id });
        var diff = await _admin.DiffRevisionsAsync(new Proto.DiffRevisionsQuery { ArticleId = published.Id, From = 1, To = 2 });

        Assert.Equal((1, 2), (published.Revision, revised.Revision));
        Assert.Equal([1, 2], revisions.Items.Select(r => r.Number));
        Assert.Equal([("test-developer", "Published"), ("test-lead", "Safari")], revisions.Items.Select(r => (r.Author.Name, r.ChangeSummary)));
        Assert.Equal("Build it.\nTest it.\nShip it.", revisions.Items[0].Content.Body);
        Assert.Equal((1, 1), (diff.Added, diff.Removed));
        Assert.Equal("Test it on Safari too.", diff.Lines.Single(l => l.Type == Proto.DiffLineType.Added).Text);
        Assert.Equal("Test it.", diff.Lines.Single(l => l.Type == Proto.DiffLineType.Removed).Text);
        var second = await _admin.GetRevisionAsync(new Proto.RevisionRef { ArticleId = published.Id, Number = 2 });
        Assert.Equal("test-lead", second.Author.Id);
    }

    [Fact]
    public async Task Update_WithAnOlderVersion_IsAborted_AndStoresNoRevision()
    {
        var published = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure("Rotate API keys") });
        await _admin.UpdateArticleAsync(new Proto.UpdateArticleCommand { Id = published.Id, Content = ArticleContents.Procedure("Rotate API keys", "New."), ExpectedVersion = published.Version });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _admin.UpdateArticleAsync(new Proto.UpdateArticleCommand
        {
            Id = published.Id, Content = ArticleContents.Procedure("Rotate API keys", "Stale edit."), ExpectedVersion = published.Version,
        }));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(2, (await _admin.ListRevisionsAsync(new Proto.ArticleRef { Id = published.Id })).Items.Count);
    }

    [Fact]
    public async Task Publish_AsMarketing_IsPermissionDenied_AndStoresNothing()
    {
        var title = Unique.Word();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Grpc(TestActors.Marketing).PublishArticleAsync(
            new Proto.PublishArticleCommand { Content = ArticleContents.Procedure(title) }));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.False(await fixture.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task Delete_AsLead_IsPermissionDenied_AsAdmin_RemovesTheArticleAndPublishesArticleDeleted()
    {
        var published = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure(Unique.Word()) });

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Grpc(TestActors.Lead).DeleteArticleAsync(new Proto.DeleteArticleCommand { Id = published.Id }));
        await _admin.DeleteArticleAsync(new Proto.DeleteArticleCommand { Id = published.Id });

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await _admin.GetArticleAsync(new Proto.ArticleRef { Id = published.Id }));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        await Outbox.AssertDispatchedAsync(fixture, "ArticleDeleted", published.Id);
    }

    [Fact]
    public async Task Publish_StructuredDataOfAnotherKind_IsInvalidArgumentNamingIt()
    {
        var content = ArticleContents.Procedure(Unique.Word());
        content.TechStack = new Proto.TechStackData { Component = "HubSpot", Category = Proto.TechCategory.Crm };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = content }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("#/techStack", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_DefaultsReviewInterval_ByKind()
    {
        var stack = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.TechStack(Unique.Word()) });
        var sop = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure(Unique.Word()) });

        Assert.Equal((90, 180), (stack.Content.ReviewIntervalDays, sop.Content.ReviewIntervalDays));
        Assert.Equal(stack.LastReviewedAt.ToDateTimeOffset().AddDays(90), stack.ReviewDueAt.ToDateTimeOffset());
        Assert.False(stack.Stale);
    }

    [Fact]
    public async Task Stale_ArticlePastItsInterval_IsListedOldestFirst_AndReviewRestartsItsClock()
    {
        var older = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.TechStack(Unique.Word()) });
        var old = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.Procedure(Unique.Word()) });
        var fresh = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.TechStack(Unique.Word()) });
        // As if last reviewed long ago: the techStack 200 days (interval 90), the procedure 190 days (interval 180).
        await AgeAsync(older.Id, 200, 90);
        await AgeAsync(old.Id, 190, 180);

        var stale = await _admin.ListStaleAsync(new Proto.ListStaleQuery { Limit = 100 });
        var reviewed = await fixture.Grpc(TestActors.Developer).ReviewArticleAsync(new Proto.ReviewArticleCommand { Id = older.Id, ExpectedVersion = 1 });
        var after = await _admin.ListStaleAsync(new Proto.ListStaleQuery { Limit = 100 });

        var ids = stale.Items.Select(a => a.Id).ToList();
        Assert.True(ids.IndexOf(older.Id) >= 0 && ids.IndexOf(older.Id) < ids.IndexOf(old.Id), string.Join(",", ids));
        Assert.DoesNotContain(fresh.Id, ids);
        Assert.All(stale.Items, a => Assert.True(a.Stale));
        Assert.Equal((2, 1, false), (reviewed.Version, reviewed.Revision, reviewed.Stale));
        Assert.Equal("test-developer", reviewed.LastReviewedBy.Name);
        Assert.DoesNotContain(older.Id, after.Items.Select(a => a.Id));
        var listed = await _admin.ListArticlesAsync(new Proto.ListArticlesQuery { StaleOnly = true, Kind = Proto.ArticleKind.Procedure, Limit = 100 });
        Assert.Contains(old.Id, listed.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task TechStack_ListsEveryTechStackArticleAsARow()
    {
        var component = Unique.Word();
        var published = await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = ArticleContents.TechStack(component, "15.2") });

        var table = await _admin.GetTechStackAsync(new Google.Protobuf.WellKnownTypes.Empty());

        var row = Assert.Single(table.Rows, r => r.ArticleId == published.Id);
        Assert.Equal((component, Proto.TechCategory.Crm, "15.2", "RevOps"), (row.Component, row.Category, row.Version, row.Owner));
    }

    [Fact]
    public async Task List_FiltersByKindTagAndTeam_AndPagesWithoutRepeats()
    {
        var tag = Unique.Word();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var content = ArticleContents.Pitfall($"Pitfall {i}", "Body.");
            content.Tags.Add(tag);
            content.OwnerTeam = i % 2 == 0 ? "web" : "crm";
            ids.Add((await _admin.PublishArticleAsync(new Proto.PublishArticleCommand { Content = content })).Id);
        }

        var first = await _admin.ListArticlesAsync(new Proto.ListArticlesQuery { Tag = tag.ToUpperInvariant(), Limit = 2 });
        var second = await _admin.ListArticlesAsync(new Proto.ListArticlesQuery { Tag = tag, Limit = 2, Cursor = first.NextCursor });
        var third = await _admin.ListArticlesAsync(new Proto.ListArticlesQuery { Tag = tag, Limit = 2, Cursor = second.NextCursor });
        var web = await _admin.ListArticlesAsync(new Proto.ListArticlesQuery { Tag = tag, OwnerTeam = "web", Kind = Proto.ArticleKind.Pitfall });
        var none = await _admin.ListArticlesAsync(new Proto.ListArticlesQuery { Tag = tag, Kind = Proto.ArticleKind.Faq });

        Assert.Equal(Enumerable.Reverse(ids), first.Items.Concat(second.Items).Concat(third.Items).Select(a => a.Id));
        Assert.Equal("", third.NextCursor);
        Assert.Equal(3, web.Items.Count);
        Assert.Empty(none.Items);
    }

    private Task<int> AgeAsync(string id, int reviewedDaysAgo, int intervalDays) =>
        fixture.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE articles SET last_reviewed_at = now() - make_interval(days => {reviewedDaysAgo}), review_due_at = now() - make_interval(days => {reviewedDaysAgo}) + make_interval(days => {intervalDays}) WHERE id = {Guid.Parse(id)}"));
}
